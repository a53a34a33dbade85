/*
 * GraphiQL against this service's own /graphql. Requests carry the session's cookies (same origin only), and the
 * CSRF token when the service has set one in an XSRF-TOKEN cookie. Nothing is kept in the browser's storage: a
 * query and its answer may hold a child's record. ?query=...&variables=... fill the editors.
 */
(function () {
  'use strict';

  var ENDPOINT = '/graphql';

  function cookie(name) {
    var prefix = name + '=';
    var found = document.cookie.split('; ').filter(function (c) { return c.indexOf(prefix) === 0; })[0];
    return found === undefined ? null : decodeURIComponent(found.substring(prefix.length));
  }

  function fetcher(request) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
    var csrf = cookie('XSRF-TOKEN');
    if (csrf !== null) {
      headers['X-XSRF-TOKEN'] = csrf;
    }
    return fetch(ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify(request)
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (type.indexOf('json') < 0) {
        throw new Error(ENDPOINT + ' answered HTTP ' + response.status + ' with ' + (type || 'no content type')
          + (response.redirected ? ' (signed out? reload the page)' : ''));
      }
      return response.json();
    });
  }

  var params = new URLSearchParams(window.location.search);
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    storage: null,
    query: params.get('query') || undefined,
    variables: params.get('variables') || undefined,
    defaultEditorToolsVisibility: params.has('variables')
  }));
}());
