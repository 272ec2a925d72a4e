import type { AppContext } from '../../context.js';
import { formatDate } from '../../platform/views/filters.js';
import type { Actor } from '../accounts/index.js';
import { listChallenges } from '../challenges/index.js';
import { listRequests } from '../data-requests/index.js';
import { listShowcases } from '../showcases/index.js';

/** One way to take part: how much is live there, and the newest or most urgent item. */
export interface Involvement {
  count: number;
  latest: { title: string; href: string; note: string } | null;
}

const path = (url: string) => new URL(url).pathname;

/** What is live in each way to take part, as this person may see it. */
export async function involvement(ctx: AppContext, actor: Actor, at = new Date()) {
  const [requests, showcases, challenges] = await Promise.all([
    listRequests(ctx, { status: ['new', 'under_consideration', 'accepted'], page: 1, per_page: 1 }),
    listShowcases(ctx, actor, { page: 1, per_page: 1 }),
    listChallenges(ctx, actor, { status: ['open'] }, at),
  ]);
  const [request] = requests.results;
  const [showcase] = showcases.results;
  // The challenge that closes first is the one to point at.
  const [challenge] = [...challenges].sort((a, b) => a.deadline.localeCompare(b.deadline));
  return {
    requests: {
      count: requests.total,
      latest: request
        ? { title: request.title, href: path(request.url), note: request.status_label }
        : null,
    } satisfies Involvement,
    showcases: {
      count: showcases.total,
      latest: showcase
        ? { title: showcase.title, href: path(showcase.url), note: showcase.type_label }
        : null,
    } satisfies Involvement,
    challenges: {
      count: challenges.length,
      latest: challenge
        ? {
            title: challenge.title,
            href: path(challenge.url),
            note: `Closes ${formatDate(challenge.deadline)}`,
          }
        : null,
    } satisfies Involvement,
  };
}
