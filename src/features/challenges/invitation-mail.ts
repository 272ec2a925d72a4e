import type { AppContext } from '../../context.js';

interface Invitation {
  challenge: { slug: string; title: string };
  entryTitle: string;
  teamName: string | null;
  invitedBy: string;
}

/**
 * Tells each invited address it has a place in a team. Best effort: the entry is saved already
 * and the invitation waits at /account/challenges whether or not the mail arrives, so a mail
 * server's failure must not turn a saved entry into an error.
 */
export async function mailInvitations(
  ctx: AppContext,
  to: readonly string[],
  i: Invitation,
): Promise<void> {
  const next = encodeURIComponent('/account/challenges');
  const url = `${ctx.config.baseUrl}/sign-in?next=${next}`;
  for (const address of to) {
    await ctx.mailer
      .send({
        to: address,
        subject: `Join ${i.teamName ?? 'a team'} in the challenge “${i.challenge.title}”`,
        text: [
          `${i.invitedBy} invited you to join the team of the entry “${i.entryTitle}” to the`,
          `challenge “${i.challenge.title}”.`,
          '',
          'Sign in (or create an account) with this e-mail address and accept the invitation:',
          url,
          '',
          'If you do not want to join, ignore this e-mail.',
        ].join('\n'),
      })
      .catch(() => undefined);
  }
}
