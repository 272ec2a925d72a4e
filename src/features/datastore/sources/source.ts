import type { Engine } from '../../../platform/engine/engine.js';
import type { Warning } from '../field.js';

/** A file made readable by DuckDB: a table expression plus what staging learnt about it. */
export interface StagedSource {
  /** A DuckDB table expression, e.g. read_csv('/path', ...); every row of the source. */
  relation: string;
  /**
   * The read for the load's single pass (CSV): DuckDB's parallel reader, nothing padded, anything
   * odd set aside in its rejects table (the load then takes `relation` instead).
   */
  direct?: DirectRead;
  /**
   * Read first when present: short and long rows both set aside (and counted), so that
   * `relation`, which pads short rows, is needed only when there are some.
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

/** A read sniffed once: the sniff's one row makes the read (null when it cannot be made). */
export interface DirectRead {
  sniff: string;
  relation(sniffed: Record<string, unknown>): string | null;
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
