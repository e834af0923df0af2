// Registers <touch-plan> unless the page has already done so (a CRM may load
// the widget twice, or register it under its own tag).
import { TouchPlanElement } from './touch-plan.js';

if (!customElements.get('touch-plan')) TouchPlanElement.define();

export { TouchPlanElement };
