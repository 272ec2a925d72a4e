import { DomainError, validationFailed, type FieldError } from '../../../../platform/errors.js';
import { formChecker } from '../../../../platform/views/forms/form-check.js';
import { field } from '../../../../platform/views/forms/form-input.js';
import { EntryCreateBody, type EntryCreateInput } from '../../challenge.schemas.js';

export interface EntryForm {
  title: string;
  description: string;
  url: string;
  team_name: string;
  members: string;
}

export const LABELS = {
  title: { label: 'Title' },
  description: { label: 'Description' },
  url: { label: 'Link' },
  team_name: { label: 'Team name', id: 'team-name' },
  members: { label: 'Team members' },
};

export const blankEntryForm = (): EntryForm => ({
  title: '',
  description: '',
  url: '',
  team_name: '',
  members: '',
});

export const entryFormFromBody = (body: unknown): EntryForm => ({
  title: field(body, 'title'),
  description: field(body, 'description'),
  url: field(body, 'url').trim(),
  team_name: field(body, 'team_name'),
  members: field(body, 'members'),
});

const check = formChecker(
  EntryCreateBody,
  {
    title: { minLength: 'Enter a title', maxLength: 'Title must be 200 characters or fewer' },
    description: {
      minLength: 'Enter a description',
      maxLength: 'Description must be 5,000 characters or fewer',
    },
    url: { '*': 'Enter a link as a full web address, like https://example.org/my-app' },
    team_name: { '*': 'Team name must be 200 characters or fewer' },
    members: {
      '*': 'Enter email addresses of team members, one a line, like name@example.org (at most 10)',
    },
  },
  (e) => e.instancePath.split('/')[1] ?? 'title',
);

/** The form as the API's input: members one address a line (or separated by commas). */
export function entryInputOf(form: EntryForm): { input: EntryCreateInput; errors: FieldError[] } {
  const members = form.members
    .split(/[\s,;]+/)
    .map((m) => m.trim())
    .filter((m) => m !== '');
  const input: EntryCreateInput = {
    title: form.title.trim(),
    description: form.description.trim(),
    url: form.url,
    team_name: form.team_name.trim() || null,
    members: [...new Set(members.map((m) => m.toLowerCase()))],
  };
  return { input, errors: check(input) };
}

/**
 * A refusal the person can act on (entries closed at the deadline, say) is the form's error,
 * shown in its summary, not an error page; `when` picks which.
 */
export async function asFormError<T>(
  work: Promise<T>,
  when: (err: DomainError) => boolean,
): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof DomainError && when(err)) {
      throw validationFailed([{ field: 'deadline', message: err.message }]);
    }
    throw err;
  }
}
