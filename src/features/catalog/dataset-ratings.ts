// The openness and metadata quality facets of search. The quality feature computes the scores
// and hands the catalogue each dataset's stars and rating; the catalogue only files and labels
// them, so search needs nothing from the feature above it.

// Values and labels best first, the order search lists them in (pairs, not an object: an
// object's integer-like keys would come out ascending).

/** The MQA's rating bands. */
export const QUALITY_GRADES: readonly (readonly [string, string])[] = [
  ['excellent', 'Excellent'],
  ['good', 'Good'],
  ['sufficient', 'Sufficient'],
  ['bad', 'Bad'],
];

/** Openness stars 5 down to 0, as "5 stars" … "No stars". */
export const OPENNESS_GRADES: readonly (readonly [string, string])[] = [5, 4, 3, 2, 1, 0].map(
  (n) => [String(n), n === 0 ? 'No stars' : `${String(n)} star${n === 1 ? '' : 's'}`],
);
