import { describe, expect, it } from 'vitest';
import { blankChallengeForm, challengeInputOf } from './publish-form.view.js';

const form = {
  ...blankChallengeForm('gmca'),
  title: 'Get online',
  problem: 'Offline homes.',
  criteria: 'Reach.',
  deadline: { day: '31', month: '3', year: '2027' },
  datasets: 'bus-punctuality\n https://data.example/datasets/air-quality  bus-punctuality',
};

describe('the challenge form', () => {
  it('closes entries at the end of the day given, and lists each dataset once', () => {
    const { input, errors } = challengeInputOf(form);
    expect(errors).toEqual([]);
    expect(input).toMatchObject({
      deadline: '2027-03-31T23:59:59.000Z',
      datasets: ['bus-punctuality', 'air-quality'],
      promise: null,
      prize: null,
      state: 'draft',
    });
  });

  it('lists problems in the order of the fields', () => {
    const { errors } = challengeInputOf({
      ...form,
      title: '',
      deadline: { day: '', month: '', year: '' },
    });
    expect(errors).toEqual([
      { field: 'title', message: 'Enter a title' },
      { field: 'deadline', message: 'Enter the deadline' },
    ]);
  });
});
