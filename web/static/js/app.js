// Progressive enhancement only: every page reads and works without this file.
import { enhanceRing } from './ring.js';
import { enhanceTabs } from './tabs.js';
import { enhanceCompareForm } from './compare.js';

document.querySelectorAll('[data-ring-view]').forEach(enhanceRing);
document.querySelectorAll('[data-tabs]').forEach(enhanceTabs);
document.querySelectorAll('#compare-form').forEach(enhanceCompareForm);
