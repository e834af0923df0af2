// Registers <touch-plan-book> unless the page has already done so (a CRM may
// load the element twice, or register it under its own tag).
import { TouchPlanBookElement } from './touch-plan-book.js';

if (!customElements.get('touch-plan-book')) TouchPlanBookElement.define();

export { TouchPlanBookElement };
