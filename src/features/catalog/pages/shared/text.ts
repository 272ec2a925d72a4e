/** A plain-text excerpt of Markdown for result lists: markup dropped, cut at a word. */
export function excerpt(markdown: string, max = 220): string {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>|~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

const FREQUENCY_TEXT: Record<string, string> = {
  continual: 'Continually',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  biannual: 'Every six months',
  annual: 'Every year',
  irregular: 'Irregularly',
  never: 'Not updated',
};

export const frequencyText = (f: string | null): string | null =>
  f === null ? null : (FREQUENCY_TEXT[f] ?? f);
