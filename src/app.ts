import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { closeContext } from './bootstrap.js';
import type { AppContext } from './context.js';
import { registerAccounts, registerAuth } from './features/accounts/index.js';
import { registerAreas } from './features/areas/index.js';
import { registerCatalog } from './features/catalog/index.js';
import { challengesOfPromise, registerChallenges } from './features/challenges/index.js';
import { registerCkan } from './features/ckan/index.js';
import {
  bodyResponsiveness,
  datasetAnswers,
  organisationRequests,
  registerDataRequests,
} from './features/data-requests/index.js';
import { registerDcat } from './features/dcat/index.js';
import { registerDiscovery } from './features/discovery/index.js';
import {
  datastoreResourceData,
  exportJobHandlers,
  registerDatastore,
} from './features/datastore/index.js';
import { registerJobs } from './features/jobs/index.js';
import { registerIndicators, resourceDependents } from './features/indicators/index.js';
import { registerOpen311 } from './features/open311/index.js';
import { registerOps } from './features/ops/index.js';
import { registerOrganisations } from './features/organisations/index.js';
import { registerPostcodes } from './features/places/index.js';
import { registerPromises } from './features/promises/index.js';
import { qualityJobHandlers, qualityPanel, registerQuality } from './features/quality/index.js';
import { registerReports, reportJobHandlers } from './features/reports/index.js';
import {
  harvestJobHandlers,
  harvestProvenance,
  registerHarvest,
} from './features/harvest/index.js';
import { registerGetInvolved } from './features/get-involved/index.js';
import { registerPublishPages } from './features/publish/index.js';
import { regionNameCache, registerRegion } from './features/region/index.js';
import { registerRollups, rollupJobHandlers } from './features/rollups/index.js';
import { registerSql } from './features/sql/index.js';
import { datasetShowcases, registerShowcases } from './features/showcases/index.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { frameworkErrorOptions } from './platform/http/framework-errors.js';
import { sweepBlobStore } from './platform/blobs/garbage-sweeper.js';
import { sweepTemporaryFiles } from './platform/blobs/temp-sweeper.js';
import { forgetDoneJobs, startJobRunner } from './platform/jobs/jobs.js';
import {
  periodicJobHandlers,
  schedulePeriodicJobs,
  type PeriodicJob,
} from './platform/jobs/periodic-jobs.js';
import { startPeriodic } from './platform/periodic.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { requestForLog } from './platform/http/request-log.js';
import { validatorCompiler } from './platform/http/validation.js';
import { registerViews } from './platform/views/views.plugin.js';

const REQUEST_ID = /^[\w.-]{1,64}$/;

export interface BuildOptions {
  /** false silences request logs (tests); otherwise LOG_LEVEL applies. */
  logger?: boolean;
  /** Close the database when the app closes (the app owns the context). */
  ownsContext?: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream;
}

/** Builds the whole application without listening, so tests can call `app.inject()`. */
export async function buildApp(
  ctx: AppContext,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: ctx.config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            serializers: { req: requestForLog },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    bodyLimit: ctx.config.maxBodyBytes,
    trustProxy: ctx.config.trustProxy,
    // genReqId below reads the header itself, keeping only sane ids.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ...frameworkErrorOptions,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler());
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandling(app);
  // Fastify parses text/plain bodies by default; no route takes one, so it is a 415 here.
  app.removeContentTypeParser('text/plain');
  await registerOpenApi(app, ctx.config.baseUrl);
  // Open data is read from other sites' pages too; writes stay same-origin (tokens, not cookies).
  await app.register(cors, { origin: '*', methods: ['GET', 'HEAD'], maxAge: 86_400 });
  await app.register(multipart, {
    // One byte over the limit, so the blob store sees the excess and refuses the file whole.
    limits: { fileSize: ctx.config.maxUploadBytes + 1, files: 1, fields: 10, fieldSize: 100_000 },
    throwFileSizeLimit: true,
  });

  // Views first: their security headers and CSP nonce are set before any later hook can fail,
  // so even an error page answering a bad request carries them.
  await registerViews(app, ctx, { siteName: regionNameCache(ctx) });
  registerAuth(app, ctx);
  // Each feature registers its API and its pages; see docs/architecture.md for the directions.
  registerOps(app, ctx);
  registerAccounts(app, ctx);
  registerJobs(app, ctx);
  registerRegion(app, ctx);
  // The catalogue defines what it asks of the features above it; they answer here.
  registerCatalog(app, ctx, {
    data: datastoreResourceData,
    dependents: [resourceDependents],
    provenance: harvestProvenance,
    showcases: datasetShowcases,
    quality: qualityPanel,
    answers: datasetAnswers,
  });
  registerOrganisations(app, ctx, [organisationRequests]);
  registerAreas(app, ctx);
  registerPostcodes(app, ctx);
  registerDatastore(app, ctx);
  registerSql(app, ctx);
  registerIndicators(app, ctx);
  registerPromises(app, ctx, { challenges: challengesOfPromise });
  registerReports(app, ctx);
  registerOpen311(app, ctx);
  registerQuality(app, ctx, bodyResponsiveness);
  registerPublishPages(app, ctx);
  registerDcat(app, ctx);
  registerDiscovery(app, ctx);
  await registerCkan(app, ctx);
  registerHarvest(app, ctx);
  registerRollups(app, ctx);
  registerShowcases(app, ctx);
  registerChallenges(app, ctx);
  registerDataRequests(app, ctx);
  registerGetInvolved(app, ctx);

  // This node's temporary files a killed process left (loads, exports) go after an hour.
  const stopTempSweeper = startPeriodic(
    () => sweepTemporaryFiles(ctx),
    ctx.config.blobSweepIntervalS,
    (err) => {
      app.log.error({ err }, 'temporary file clean-up failed; it is tried again at the next sweep');
    },
  );
  app.addHook('onClose', stopTempSweeper);
  // Clean-ups of what the nodes share, once per interval across the cluster (docs/operations.md).
  const cleanUps: PeriodicJob[] = [
    {
      kind: 'blobs.clean-up',
      everyS: ctx.config.blobSweepIntervalS,
      run: () => sweepBlobStore(ctx.db.kysely, ctx.blobs),
    },
    { kind: 'jobs.clean-up', everyS: 3_600, run: () => forgetDoneJobs(ctx.db) },
  ];
  app.addHook('onReady', () => schedulePeriodicJobs(ctx.db, cleanUps));
  // Background jobs (sending reports, harvests, building downloads, clean-ups…), leased from
  // the database; loads run in the datastore's own lane.
  const jobs = startJobRunner(
    ctx.db,
    {
      ...periodicJobHandlers(ctx.db, cleanUps),
      ...reportJobHandlers(ctx, (m) => {
        app.log.warn(m);
      }),
      ...harvestJobHandlers(ctx),
      ...rollupJobHandlers(ctx),
      ...qualityJobHandlers(ctx, bodyResponsiveness),
      ...exportJobHandlers(ctx),
    },
    {
      pollMs: ctx.config.jobPollIntervalMs,
      leaseMs: ctx.config.jobLeaseS * 1000,
      log: (err) => {
        app.log.error({ err }, 'a background job pass failed; it runs again at the next poll');
      },
    },
  );
  app.addHook('onClose', () => jobs.stop());
  if (options.ownsContext) app.addHook('onClose', () => closeContext(ctx));
  return app;
}
