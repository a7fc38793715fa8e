/** Entry of dist/widget.js: defines `<drey-verify>` once (a second copy of the script is harmless). */
import { DreyVerifyElement } from './element';

export { DreyVerifyElement };
export type { WidgetVerdict } from './verdict';

if (!customElements.get('drey-verify')) customElements.define('drey-verify', DreyVerifyElement);
