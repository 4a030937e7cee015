// The google.script.run the playground injects into the built sidebar: any server function name, the
// with* chain, a JSON round trip over POST /rpc/<name>, and failures as Error objects carrying `.message`.

/** Plain ES5 so it runs wherever the sidebar runs; injected before the sidebar's own scripts. */
export const GOOGLE_SCRIPT_SHIM = `<script>
(function () {
  var LOST = 'NetworkError: Connection failure due to HTTP 0';
  function toError(detail) {
    var error = new Error(detail && detail.message ? detail.message : LOST);
    error.name = detail && detail.name ? detail.name : 'ScriptError';
    return error;
  }
  function notifyParent(name) {
    try {
      if (window.parent && window.parent !== window) window.parent.postMessage({ playground: 'called', name: name }, '*');
    } catch (ignored) {}
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (target, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, failure, userObject); };
        if (name === 'withFailureHandler') return function (f) { return runner(success, f, userObject); };
        if (name === 'withUserObject') return function (o) { return runner(success, failure, o); };
        if (typeof name !== 'string' || name === 'then' || name === 'toJSON') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var fail = function (error) {
            if (failure) failure(error, userObject);
            else console.error('google.script.run ' + name + ' failed: ' + error.message);
          };
          var body;
          try {
            body = JSON.stringify({ args: args });
          } catch (e) {
            setTimeout(function () { fail(toError({ message: 'Exception: Invalid argument' })); }, 0);
            return undefined;
          }
          fetch('rpc/' + encodeURIComponent(name), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: body
          })
            .then(function (response) { return response.json(); })
            .then(
              function (answer) {
                notifyParent(name);
                if (answer && answer.ok) { if (success) success(answer.value, userObject); }
                else fail(toError(answer && answer.error));
              },
              function () { notifyParent(name); fail(toError(null)); }
            );
          return undefined;
        };
      }
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: location.origin,
      close: function () {},
      setHeight: function () {},
      setWidth: function () {},
      editor: { focus: function () {} }
    },
    url: { getLocation: function (callback) { callback({ hash: '', parameter: {}, parameters: {} }); } }
  };
})();
</script>`;

/** An empty icon: a page opened alone (/sidebar) asks for no /favicon.ico (a 404 in the console). */
const NO_FAVICON = '<link rel="icon" href="data:,">';

/** The sidebar HTML with the shim as the first thing its head runs (before any script of the page). */
export function withShim(sidebarHtml: string): string {
  const injected = NO_FAVICON + GOOGLE_SCRIPT_SHIM;
  const head = /<head[^>]*>/i.exec(sidebarHtml);
  if (!head) return injected + sidebarHtml;
  const at = head.index + head[0].length;
  return sidebarHtml.slice(0, at) + injected + sidebarHtml.slice(at);
}
