// Progressive enhancement for every page: GOV.UK Frontend's components. Pages work without it.
import { initAll } from 'govuk-frontend';

initAll();
