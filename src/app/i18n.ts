/** The app's user-facing strings, in one place so they can be translated; `t('key', {param})` fills {param}. */
const en = {
  'app.title': 'Drey Verifier',
  'app.tagline': 'Checks Drey Finance’s monthly allocations in your browser. Trusts no server.',
  'nav.label': 'Main',
  'nav.chain': 'Chain',
  'nav.settings': 'Settings',
  'settings.heading': 'Network settings',
  'settings.esplora': 'Esplora API hosts (one per line)',
  'settings.esplora.help': 'Each host is untrusted: every answer is re-hashed, and with two or more hosts block hashes are cross-checked.',
  'settings.network': 'Bitcoin network',
  'settings.genesis': 'Genesis inscription id',
  'settings.relays': 'Nostr relays (one per line)',
  'settings.apply': 'Apply and share',
  'settings.applied': 'Settings applied. The page address now holds them, so you can share this verification.',
  'settings.none': 'No Esplora host configured yet. Add one in the settings below.',
  'settings.invalidUrl': '“{url}” is not an http(s) URL.',
  'chain.heading': 'Chain tip',
  'chain.loading': 'Reading the chain tip…',
  'chain.height': 'Tip height',
  'chain.hash': 'Tip block hash',
  'chain.time': 'Block time',
  'chain.pow': 'Proof of work',
  'chain.pow.ok': 'verified against the header’s bits and the {network} floor',
  'chain.hosts': 'Hosts that agree',
  'chain.refresh': 'Refresh',
  'chain.error': 'Could not verify the chain tip',
  'chain.proves': 'What this proves: the block header has valid proof of work and hashes to the block hash the host named; with several hosts, they agree on it.',
  'chain.notProves': 'What it does not prove: that this is the heaviest chain (a host could hide newer blocks), nor anything about Drey months yet.',
  'error.code': 'Code',
} as const;

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
