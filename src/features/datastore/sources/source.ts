import type { Engine } from '../../../platform/engine/engine.js';
import type { Warning } from '../field.js';

/** A file made readable by DuckDB: a table expression plus what staging learnt about it. */
export interface StagedSource {
  /** A DuckDB table expression, e.g. read_csv('/path', ...); every row of the source. */
  relation: string;
  /**
   * A faster read that lets DuckDB type the columns itself; it fails on any value that does not
   * fit, and then `relation` (all text, typed by our own inference) is used instead.
   */
  typedRelation?: string;
  /**
   * Tried when `relation` fails: DuckDB cannot pad short rows and set aside long ones in the
   * same read, so this one sets aside both (each reported with its line number).
   */
  strictRelation?: string;
  /** Set when the source already gives each row a GeoJSON `geometry` and bbox columns. */
  geometry: boolean;
  encoding?: string;
  warnings: Warning[];
  /**
   * Read once the relation has been loaded into a table on the same connection, for warnings
   * only known then (rejected lines of a CSV file).
   */
  rejects?: string;
  /** Removes temporary files made while staging. */
  cleanup(): Promise<void>;
}

export interface StageOptions {
  engine: Engine;
  file: string;
  format: string;
  /** A scratch folder of this load's own, inside the engine's allowed directories. */
  workDir: string;
  sheet?: string | undefined;
  /** How far a zipped source (XLSX) may expand; the defaults of xlsx-parts.ts otherwise. */
  zipLimits?: ZipLimits | undefined;
}

export interface ZipLimits {
  /** Bytes all entries may expand to (counted as they are really inflated, not as declared). */
  maxTotal: number;
  /** Largest expansion (uncompressed / compressed) allowed for an entry of over 1 MB. */
  maxRatio: number;
  /** Parts (entries) a workbook may have. */
  maxEntries: number;
}

export class SourceError extends Error {}
