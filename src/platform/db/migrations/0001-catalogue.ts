import { sql, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import type { AnyDb } from './any-db.js';

const DEFAULT_THEMES: [string, string, string][] = [
  ['digital-inclusion', 'Digital inclusion', 'Skills, access and devices for getting online.'],
  ['broadband', 'Broadband and connectivity', 'Full-fibre, gigabit and mobile coverage.'],
  ['transport', 'Transport', 'Buses, trams, trains, roads, cycling and walking.'],
  ['environment', 'Environment', 'Air quality, emissions, green space and waste.'],
  ['housing', 'Housing', 'Homes, planning, homelessness and energy efficiency.'],
  ['community-safety', 'Community safety', 'Crime, anti-social behaviour and road safety.'],
  ['service-requests', 'Service requests', 'Reports of problems made by residents.'],
  ['economy', 'Economy', 'Jobs, businesses, skills and earnings.'],
  ['health', 'Health and care', 'Public health, wellbeing and care services.'],
  ['population', 'Population', 'Who lives in the region and where.'],
  ['boundaries', 'Boundaries', 'Administrative and statistical geographies.'],
];

export function catalogueMigration(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('regions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('boundary', 'text')
        .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('organisations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('url', 'text')
        .addColumn('boundary', 'text')
        .addColumn('area_code', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('is_site_admin', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('memberships')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('organisation_id', 'text', (c) =>
          c.notNull().references('organisations.id').onDelete('cascade'),
        )
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'organisation_id'])
        .execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('datasets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('licence', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('update_frequency', 'text')
        .addColumn('temporal_start', 'text')
        .addColumn('temporal_end', 'text')
        .addColumn('spatial_coverage', 'text')
        .addColumn('contact_name', 'text')
        .addColumn('contact_email', 'text')
        .addColumn('source_url', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('modified_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('datasets_org_idx')
        .on('datasets')
        .columns(['organisation_id'])
        .execute();
      await db.schema
        .createIndex('datasets_modified_idx')
        .on('datasets')
        .columns(['modified_at'])
        .execute();
      await db.schema.createIndex('datasets_title_idx').on('datasets').columns(['title']).execute();

      await db.schema
        .createTable('themes')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .execute();

      await db.schema
        .createTable('dataset_tags')
        .addColumn('dataset_id', 'text', (c) =>
          c.notNull().references('datasets.id').onDelete('cascade'),
        )
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('dataset_tags_pk', ['dataset_id', 'tag'])
        .execute();
      await db.schema
        .createIndex('dataset_tags_tag_idx')
        .on('dataset_tags')
        .column('tag')
        .execute();

      await db.schema
        .createTable('dataset_themes')
        .addColumn('dataset_id', 'text', (c) =>
          c.notNull().references('datasets.id').onDelete('cascade'),
        )
        .addColumn('theme', 'text', (c) => c.notNull().references('themes.slug'))
        .addPrimaryKeyConstraint('dataset_themes_pk', ['dataset_id', 'theme'])
        .execute();
      await db.schema
        .createIndex('dataset_themes_theme_idx')
        .on('dataset_themes')
        .column('theme')
        .execute();

      await db.schema
        .createTable('resources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dataset_id', 'text', (c) =>
          c.notNull().references('datasets.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('blob_key', 'text')
        .addColumn('media_type', 'text')
        .addColumn('size', 'bigint')
        .addColumn('sha256', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('modified_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('resources_dataset_idx')
        .on('resources')
        .columns(['dataset_id', 'position'])
        .execute();
      await db.schema
        .createIndex('resources_format_idx')
        .on('resources')
        .columns(['format'])
        .execute();

      await db.schema
        .createTable('activities')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('dataset_id', 'text')
        .addColumn('organisation_id', 'text')
        .addColumn('diff', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('activities_dataset_idx')
        .on('activities')
        .columns(['dataset_id', 'id'])
        .execute();

      if (dialect === 'sqlite') {
        // Text is stemmed in application code (platform/search/text.ts) so that SQLite and
        // PostgreSQL rank and match the same way; FTS5 only splits on spaces here.
        await sql`CREATE VIRTUAL TABLE dataset_fts USING fts5(
          dataset_id UNINDEXED, title, tags, description, words,
          tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')`.execute(db);
      } else {
        await db.schema
          .createTable('dataset_search')
          .addColumn('dataset_id', 'text', (c) =>
            c.primaryKey().references('datasets.id').onDelete('cascade'),
          )
          .addColumn('document', sql`tsvector`, (c) => c.notNull())
          .execute();
        await sql`CREATE INDEX dataset_search_gin ON dataset_search USING gin (document)`.execute(
          db,
        );
      }

      await db
        .insertInto('themes')
        .values(DEFAULT_THEMES.map(([slug, title, description]) => ({ slug, title, description })))
        .execute();
    },

    async down(db: AnyDb) {
      if (dialect === 'sqlite') await sql`DROP TABLE IF EXISTS dataset_fts`.execute(db);
      for (const table of [
        'dataset_search',
        'activities',
        'resources',
        'dataset_themes',
        'themes',
        'dataset_tags',
        'datasets',
        'api_tokens',
        'memberships',
        'users',
        'organisations',
        'regions',
        'meta',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
