/** An organisation's kind in words, as pages show it. */
const KIND_TEXT: Record<string, string> = {
  'combined-authority': 'Combined authority',
  council: 'Council',
  transport: 'Transport authority',
  police: 'Police',
  health: 'Health body',
  other: 'Other public body',
};

export const kindText = (kind: string): string => KIND_TEXT[kind] ?? kind;
