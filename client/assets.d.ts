// Files esbuild bundles as assets: importing one gives its URL under /assets/.
declare module '*.png' {
  const url: string;
  export = url;
}
declare module '*.css';
