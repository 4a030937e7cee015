// Types of the npm package gas-local (it ships none): the loader of an Apps Script project's folder.

declare module 'gas-local' {
  /**
   * Reads every file under `folder` (recursively, in directory order) that `options.filter` accepts (by
   * default names ending `.js`) and runs each in one `vm` context made from `globals`, which it returns:
   * the project's top-level functions and variables become its properties.
   */
  function gasRequire(
    folder: string,
    globals?: Record<string, unknown>,
    options?: { filter?: (path: string) => boolean },
  ): Record<string, unknown>;
  const gasLocal: { require: typeof gasRequire; globalMockDefault: Record<string, unknown> };
  export default gasLocal;
}
