// The one entry point of the browser tests: one server and one browser for the
// whole run (lib/env.js starts them in a root `before` hook), all specs in one
// process. Run through ./run.sh.
require('./lib/env');
require('./specs/pages');
require('./specs/journey_start');
require('./specs/journey_compose');
require('./specs/journey_compare');
require('./specs/profile');
require('./specs/qualification');
require('./specs/compare');
require('./specs/search');
require('./specs/language');
require('./specs/accessibility');
require('./specs/every_page');
require('./specs/no-javascript');
require('./specs/responsive');
require('./specs/print');
require('./specs/composer');
require('./specs/composer_changes');
require('./specs/crosswalk');
require('./specs/analyse');
require('./specs/journey_analyse');
require('./specs/accounts');
require('./specs/internal_names');
require('./specs/labels');
