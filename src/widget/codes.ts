/** The widget's own codes (its attributes, its config file, its worker), each with a sentence for the page's visitors. */
export const WIDGET_HELP = {
  WIDGET_NO_ESPLORA: 'This badge names no Esplora host to read the chain from.',
  WIDGET_BAD_ESPLORA: 'This badge’s Esplora hosts are not all http(s) addresses.',
  WIDGET_BAD_NETWORK: 'This badge names a Bitcoin network the verifier does not know.',
  WIDGET_BAD_GENESIS: 'This badge’s genesis is not an inscription id.',
  WIDGET_BAD_MONTH: 'This badge’s month is not a month number.',
  WIDGET_BAD_USER: 'This badge’s user id is too long to be one.',
  WIDGET_BAD_DEPTH: 'This badge asks for a depth other than quick or full.',
  WIDGET_NO_USER: 'A quick check is about one depositor, and this badge names none.',
  WIDGET_BAD_RPS: 'This badge’s request rate is not a whole number from 1 to 1000.',
  WIDGET_BAD_PACKS: 'This badge’s month-pack address is not an http(s) address.',
  WIDGET_CONFIG_UNREADABLE: 'This badge’s settings file could not be read.',
  WIDGET_CONFIG_INVALID: 'This badge’s settings file is not a settings file.',
  WIDGET_WORKER: 'The browser could not start or keep the verifier running for this badge.',
  WIDGET_CANCELLED: 'The verification was stopped before it finished. Nothing was concluded.',
} as const;

export type WidgetCode = keyof typeof WIDGET_HELP;
