import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openContext } from './bootstrap.js';
import { seedDemoIfEmpty } from './demo/seed.js';

/** The process: config -> context -> app -> listen, and a graceful stop on SIGTERM/SIGINT. */
export async function serve(config: Config): Promise<FastifyInstance> {
  const ctx = await openContext(config);
  const app = await buildApp(ctx, { ownsContext: true });
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(ctx, (message) => {
      app.log.info(message);
    });
    if (seeded) app.log.info('Seeded the demo region (synthetic data)');
  }
  await app.listen({ host: config.host, port: config.port });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing requests in flight');
    const timer = setTimeout(() => {
      app.log.error('graceful stop timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.once('SIGINT', () => {
    stop('SIGINT');
  });
  return app;
}
