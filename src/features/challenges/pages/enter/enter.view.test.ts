import { describe, expect, it } from 'vitest';
import { blankEntryForm, entryInputOf } from './enter.view.js';

describe('the entry form', () => {
  it('reads team members one a line or separated by commas, once each, lower-cased', () => {
    const { input, errors } = entryInputOf({
      ...blankEntryForm(),
      title: ' Map ',
      description: 'A map.',
      url: 'https://example.org/map',
      members: 'Bo@example.org\n bo@example.org, cy@example.org\n',
    });
    expect(errors).toEqual([]);
    expect(input).toMatchObject({
      title: 'Map',
      team_name: null,
      members: ['bo@example.org', 'cy@example.org'],
    });
  });

  it('refuses a link that is not a web address and an address that is not one', () => {
    const { errors } = entryInputOf({
      ...blankEntryForm(),
      title: 'Map',
      description: 'A map.',
      url: 'javascript:alert(1)',
      members: 'not-an-address',
    });
    expect(errors.map((e) => e.field)).toEqual(['url', 'members']);
  });
});
