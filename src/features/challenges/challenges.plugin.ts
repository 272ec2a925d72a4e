import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { challengeChangeRoutes } from './challenge-changes.routes.js';
import { challengeRoutes } from './challenge.routes.js';
import { challengePage } from './pages/challenge/challenge.page.js';
import { challengesPage } from './pages/challenges/challenges.page.js';
import { enterPages } from './pages/enter/enter.page.js';
import { entryPages } from './pages/entry/entry.page.js';
import { removalPages } from './pages/removal/removal.page.js';
import { judgePages } from './pages/judge/judge.page.js';
import { myChallengesPages } from './pages/my-challenges/my-challenges.page.js';
import { publishChallengeFormPages } from './pages/publish-form/publish-form.page.js';

/** Challenges: their API, public pages, entry form and the organisation's forms. */
export function registerChallenges(app: Api, ctx: AppContext): void {
  challengeRoutes(app, ctx);
  challengeChangeRoutes(app, ctx);
  challengesPage(app, ctx);
  challengePage(app, ctx);
  enterPages(app, ctx);
  entryPages(app, ctx);
  myChallengesPages(app, ctx);
  publishChallengeFormPages(app, ctx);
  judgePages(app, ctx);
  removalPages(app, ctx);
}
