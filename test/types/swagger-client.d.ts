// swagger-client ships no types; the tests use its execute() and the client it builds.
declare module 'swagger-client' {
  interface SwaggerResponse {
    status: number;
    ok: boolean;
    text: string;
    body: unknown;
    headers: Record<string, string>;
  }
  interface ExecuteOptions {
    spec: object;
    pathName?: string;
    method?: string;
    operationId?: string;
    parameters?: Record<string, unknown>;
    securities?: { authorized: Record<string, string> };
    requestInterceptor?: (request: {
      url: string;
      body?: unknown;
      headers: Record<string, string>;
    }) => unknown;
  }
  interface SwaggerClientInstance {
    spec: { paths: Record<string, Record<string, object>> };
    execute(options: Omit<ExecuteOptions, 'spec'>): Promise<SwaggerResponse>;
  }
  interface SwaggerClientStatic {
    (options: { spec: object }): Promise<SwaggerClientInstance>;
    execute(options: ExecuteOptions): Promise<SwaggerResponse>;
  }
  const SwaggerClient: SwaggerClientStatic;
  export = SwaggerClient;
}
