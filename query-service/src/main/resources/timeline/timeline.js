/*
 * The chair's timeline of one child: a lane per agency, its involvement as bands, its entries as items, a knowledge
 * horizon to drag, one agency's view, and the record as it stood on a day. Everything comes from this service's
 * /graphql with the session of the user who logged in, the same API every client uses. The state is in the address
 * (childId, horizon, knownBy, recordedAsOf), so a link opens the page as it was. Nothing of the record is ever
 * parsed as HTML: every node is built with textContent, and vis-timeline is given those nodes, never a string.
 * Instants are UTC throughout; the date controls are UTC too.
 */
(function () {
  'use strict';

  var ENDPOINT = '/graphql';
  /** The contract's largest page. */
  var PAGE = 500;
  /** Past this many entries, entries close together on the screen are drawn as a cluster with their count. */
  var CLUSTER_ABOVE = 1000;
  /** While pages arrive, the timeline takes in what came at most this often (ms); the first page at once. */
  var DRAW_EVERY = 3000;
  /** Pages asked for at once after the first (a browser opens at most six connections to one host). */
  var PAGES_AT_ONCE = 4;
  /** Up to this many practice patterns, every kind's list is open; past it, each opens when asked. */
  var PATTERNS_OPEN = 20;
  /** A pattern lists this many of its evidence entries until asked for all. */
  var EVIDENCE_LISTED = 10;
  /** Rows of the table laid out together (see rowGroups). */
  var ROWS_TOGETHER = 100;
  /** About the width of an entry's box (its summary is cut at 14em), in pixels. */
  var BOX_WIDTH = 230;
  var AGE_LANE = '__age';
  var MARKS = { ROUTINE: '\u25CB', SIGNIFICANT: '\u25B2', CRITICAL: '\u25C6' };
  var STATUS_TEXT = {
    'not-known': 'not known to anyone yet',
    'not-shared': 'not shared',
    shared: 'shared'
  };

  /** What the timeline and the table show of each entry; the agencies' names come with the lanes. */
  var ENTRY_FIELDS = 'id agency { id } kind occurredAt occurredAtText knownAt summary significance childAge'
    + ' knownTo { agency { id } since }';
  /** A page without each edge's cursor (some 100 bytes an entry): a page that ends where the next begins needs none. */
  var PAGE_FIELDS = 'pageInfo { hasNextPage endCursor } edges { node { ' + ENTRY_FIELDS + ' } }';
  var EDGE_FIELDS = 'pageInfo { hasNextPage endCursor } edges { cursor node { ' + ENTRY_FIELDS + ' } }';
  /** The child, its lanes, the first page and where the others begin, in one request. */
  var CHILD_QUERY = 'query Child($childId: ID!, $recordedAsOf: DateTime, $first: Int) {'
    + ' child(id: $childId) { id displayName dateOfBirth }'
    + ' involvement(childId: $childId, recordedAsOf: $recordedAsOf) {'
    + '   agency { id name } episodes { from to } entryCount firstEntryAt lastEntryAt }'
    + ' chronology(childId: $childId, recordedAsOf: $recordedAsOf, first: $first) { totalCount ' + PAGE_FIELDS + ' }'
    + ' chronologyPages(childId: $childId, recordedAsOf: $recordedAsOf, first: $first) }';
  var ENTRIES_QUERY = 'query Entries($childId: ID!, $recordedAsOf: DateTime, $first: Int, $after: String) {'
    + ' chronology(childId: $childId, recordedAsOf: $recordedAsOf, first: $first, after: $after) { ' + PAGE_FIELDS + ' } }';
  var EDGES_QUERY = 'query Edges($childId: ID!, $recordedAsOf: DateTime, $first: Int, $after: String) {'
    + ' chronology(childId: $childId, recordedAsOf: $recordedAsOf, first: $first, after: $after) { ' + EDGE_FIELDS + ' } }';
  var VIEW_QUERY = 'query View($childId: ID!, $knownBy: ID, $knownAt: DateTime, $recordedAsOf: DateTime,'
    + ' $first: Int, $after: String) {'
    + ' chronology(childId: $childId, knownBy: $knownBy, knownAt: $knownAt, recordedAsOf: $recordedAsOf,'
    + '   first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }';
  var HORIZON_QUERY = 'query Horizon($childId: ID!, $at: DateTime!, $knownBy: ID, $recordedAsOf: DateTime) {'
    + ' practicePatterns(childId: $childId, at: $at, recordedAsOf: $recordedAsOf) {'
    + '   kind since description agencies { id name } entries { id } personId actionIndex missing }'
    + ' caseState(childId: $childId, at: $at, knownBy: $knownBy, recordedAsOf: $recordedAsOf) {'
    + '   entryCount onChildProtectionPlan lastSeen involvedAgencies { agency { name } since }'
    + '   household { personId role sex livesWithChild knownTo { agency { name } since } }'
    + '   unseenBy { personId knownTo { name } unknownTo { name } } } }';
  var ENTRY_QUERY = 'query Entry($id: ID!, $recordedAsOf: DateTime) { entry(id: $id, recordedAsOf: $recordedAsOf) {'
    + ' id kind occurredAtText knownAt recordedAt summary significance professional sourceRef childAge version'
    + ' agency { id name } knownTo { agency { id name } since how channel }'
    + ' history { version recordedAt occurredAt knownAt kind summary significance reason retracted }'
    + ' links { id kind entryIds note recordedAt } } }';

  var el = {
    title: document.getElementById('title'),
    status: document.getElementById('status'),
    horizon: document.getElementById('horizon'),
    horizonHere: document.getElementById('horizon-here'),
    horizonClear: document.getElementById('horizon-clear'),
    knownBy: document.getElementById('known-by'),
    recordedAsOf: document.getElementById('recorded-as-of'),
    recordedAsOfClear: document.getElementById('recorded-as-of-clear'),
    timeline: document.getElementById('timeline'),
    details: document.getElementById('details'),
    patterns: document.getElementById('patterns'),
    household: document.getElementById('household'),
    rows: document.getElementById('entry-rows'),
    caption: document.getElementById('entries-caption')
  };

  /** What the page shows, as the address says it. */
  var state = readAddress();
  /**
   * Figures the browser test reads: milliseconds since the page's navigation began (allRead: every page read and
   * built; allEntries: drawn, table included), and the tasks that held the page for over 50 ms, [start, duration].
   */
  var figures = window.timelineFigures = { firstRender: null, allRead: null, allEntries: null, entries: 0,
    horizon: [], horizonSet: [], pages: [], longTasks: [] };
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (task) {
        figures.longTasks.push([Math.round(task.startTime), Math.round(task.duration)]);
      });
    }).observe({ type: 'longtask', buffered: true });
  } catch (notHere) {
    // a browser without long tasks: no figures of them
  }

  var child = null;
  var agencies = [];          // lanes: the agencies with entries, by id
  var agencyNames = {};
  var entries = new Map();    // id -> entry
  var order = [];             // ids in chronology order
  var viewIds = null;         // with knownBy: the ids of that agency's view, once read
  var evidenceIds = new Set();
  var current = null;         // the entry the keyboard is on
  var generation = 0;         // a newer load makes an older one stop
  var pending = 0;
  /*
   * The first read is asked for before vis-timeline is read (index.html runs this script first and the rest of it
   * once vis is there), so that the service answers while the browser reads the library.
   */
  var early = state.childId ? graphQl(CHILD_QUERY, childVariables()) : null;
  var items = null;
  var groups = null;
  var shown = null;

  function childVariables() {
    return { childId: state.childId, recordedAsOf: state.recordedAsOf || null, first: PAGE };
  }

  function useVis() {
    /*
     * vis-timeline draws (and so measures, forcing a layout) each item the moment it is added while in view, which
     * for thousands of items added page by page grows with the square of their number. The next redraw finds the
     * items in view and draws them in one batch anyway (an add marks its lane to be restacked), so an add only files
     * the item in its lane here: vis's own Group.add without its last step.
     */
    vis.timeline.components.Group.prototype.add = function (added) {
      this.items[added.id] = added;
      added.setParent(this);
      this.stackDirty = true;
      if (added.data.subgroup !== undefined) {
        this._addToSubgroup(added);
        this.orderSubgroups();
      }
    };
    items = new vis.DataSet();
    groups = new vis.DataSet();
    shown = new vis.DataView(items, { filter: isShown });
  }

  var timeline = null;
  var toFit = null;           // [first, last] of the history, to fit once the timeline is first drawn
  var unseen = [];            // items read but not yet given to the timeline
  var drawnAt = 0;

  // ---- the address ----

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    return {
      childId: params.get('childId') || '',
      horizon: instantParam(params.get('horizon')),
      knownBy: params.get('knownBy') || '',
      recordedAsOf: instantParam(params.get('recordedAsOf'))
    };
  }

  function instantParam(value) {
    return value && instantKey(value) !== null ? value : '';
  }

  function writeAddress() {
    var params = new URLSearchParams();
    params.set('childId', state.childId);
    ['horizon', 'knownBy', 'recordedAsOf'].forEach(function (name) {
      if (state[name]) {
        params.set(name, state[name]);
      }
    });
    history.replaceState(null, '', window.location.pathname + '?' + params.toString());
  }

  // ---- instants ----

  /** Microseconds since 1970 (the contract's instants keep microseconds), or null for no instant. */
  function instantKey(text) {
    var m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(text || '');
    if (!m) {
      return null;
    }
    var ms = Date.parse(m[1] + m[3]);
    return isNaN(ms) ? null : ms * 1000 + parseInt(((m[2] || '') + '000000').substring(0, 6), 10);
  }

  /** "2019-05-01T00:00:00Z": whole seconds unless the date has a fraction. */
  function isoText(date) {
    return date.toISOString().replace('.000Z', 'Z');
  }

  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /** dd/mm/yyyy hh:mm, UTC */
  function dateText(text) {
    var d = new Date(text);
    return two(d.getUTCDate()) + '/' + two(d.getUTCMonth() + 1) + '/' + d.getUTCFullYear() + ' '
      + two(d.getUTCHours()) + ':' + two(d.getUTCMinutes());
  }

  /** The value of a datetime-local control, read as UTC: "2019-05-01T00:00" to "2019-05-01T00:00:00Z". */
  function fromControl(value) {
    if (!value) {
      return '';
    }
    var d = new Date(value + (value.length === 16 ? ':00Z' : 'Z'));
    return isNaN(d.getTime()) ? '' : isoText(d);
  }

  function toControl(text) {
    return text ? new Date(text).toISOString().substring(0, 19) : '';
  }

  /** The child's age on the UTC day of a date, as the chronology's childAge says it. */
  function ageText(date) {
    if (!child || !child.dateOfBirth) {
      return '';
    }
    var birth = new Date(child.dateOfBirth + 'T00:00:00Z');
    var day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
    if (day < birth) {
      return 'unborn';
    }
    var months = (day.getUTCFullYear() - birth.getUTCFullYear()) * 12 + day.getUTCMonth() - birth.getUTCMonth();
    if (day.getUTCDate() < birth.getUTCDate()) {
      months--;
    }
    var anniversary = addMonths(birth, months);
    var days = Math.round((day - anniversary) / 86400000);
    return months >= 12 ? units(Math.floor(months / 12), 'year', months % 12, 'month') : units(months, 'month', days, 'day');
  }

  function units(larger, largerUnit, smaller, smallerUnit) {
    var parts = [];
    if (larger > 0) {
      parts.push(larger + ' ' + largerUnit + (larger === 1 ? '' : 's'));
    }
    if (smaller > 0 || larger === 0) {
      parts.push(smaller + ' ' + smallerUnit + (smaller === 1 ? '' : 's'));
    }
    return parts.join(' ');
  }

  /** The same day of the month, months later; the month's last day where it has no such day. */
  function addMonths(date, months) {
    var year = date.getUTCFullYear() + Math.floor((date.getUTCMonth() + months) / 12);
    var month = ((date.getUTCMonth() + months) % 12 + 12) % 12;
    var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), last)));
  }

  var wordsOf = new Map();

  /** A contract's name in words: CHILD_SEEN, "Child seen". */
  function words(name) {
    var text = wordsOf.get(name);
    if (text === undefined) {
      text = String(name).toLowerCase().replace(/_/g, ' ');
      text = text.charAt(0).toUpperCase() + text.substring(1);
      wordsOf.set(name, text);
    }
    return text;
  }

  // ---- GraphQL ----

  function cookie(name) {
    var prefix = name + '=';
    var found = document.cookie.split('; ').filter(function (c) { return c.indexOf(prefix) === 0; })[0];
    return found === undefined ? null : decodeURIComponent(found.substring(prefix.length));
  }

  /** The answer's data and errors; rejects only when there is no GraphQL answer at all. */
  function graphQl(query, variables) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
    var csrf = cookie('XSRF-TOKEN');
    if (csrf !== null) {
      headers['X-XSRF-TOKEN'] = csrf;
    }
    pending++;
    busy();
    return fetch(ENDPOINT, {
      method: 'POST', credentials: 'same-origin', headers: headers,
      body: JSON.stringify({ query: query, variables: variables })
    }).then(function (response) {
      if ((response.headers.get('Content-Type') || '').indexOf('json') < 0) {
        throw new Error('/graphql answered HTTP ' + response.status + (response.redirected ? ' (signed out? reload the page)' : ''));
      }
      return response.json();
    }).finally(function () {
      pending--;
      busy();
    });
  }

  function busy() {
    document.body.dataset.busy = pending > 0 ? 'true' : 'false';
  }

  function errorText(answer) {
    return (answer.errors || []).map(function (e) {
      return e.message + (e.extensions && e.extensions.classification ? ' (' + e.extensions.classification + ')' : '');
    }).join('; ');
  }

  function say(text) {
    el.status.textContent = text;
  }

  // ---- building nodes ----

  function node(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function clear(section, heading) {
    while (section.lastChild && section.lastChild !== heading) {
      section.removeChild(section.lastChild);
    }
  }

  function entryButton(id, label) {
    var button = node('button', 'link', label);
    button.type = 'button';
    button.addEventListener('click', function () {
      showEntry(id);
    });
    return button;
  }

  /** An entry chosen from a list or the table: brought into view, selected and its details shown. */
  function showEntry(id) {
    select(id, true);
    showDetails(id);
  }

  // ---- lanes and colours ----

  /**
   * The agency's colour: the light tints of the Okabe-Ito palette that the exports use (query-service's
   * AgencyColours), given in order of agency id over the agencies that recorded the child's entries, and repeating
   * after eight. The tints themselves are in timeline.css as .agency-0 to .agency-7.
   */
  function colourClass(agencyId) {
    var index = agencies.indexOf(agencyId);
    return 'agency-' + ((index < 0 ? agencies.length : index) % 8);
  }

  function laneNode(text) {
    return node('span', 'lane-name', text);
  }

  function buildLanes(involvement, lastKey) {
    agencies = involvement.map(function (i) { return i.agency.id; }).sort();
    involvement.forEach(function (i) { agencyNames[i.agency.id] = i.agency.name; });
    var lanes = [{ id: AGE_LANE, content: laneNode((child.displayName) + "'s age"), order: 0, className: 'age-lane' }];
    involvement.forEach(function (i) {
      lanes.push({ id: i.agency.id, content: laneNode(i.agency.name), order: agencies.indexOf(i.agency.id) + 1,
        className: 'lane ' + colourClass(i.agency.id) });
    });
    groups.clear();
    groups.add(lanes);
    var bands = [];
    var openEnd = new Date(Math.max(Date.now(), lastKey / 1000));
    involvement.forEach(function (i) {
      i.episodes.forEach(function (episode, n) {
        var label = node('span', 'band-label', 'involved ' + dateText(episode.from).substring(0, 10) + ' to '
          + (episode.to ? dateText(episode.to).substring(0, 10) : 'now'));
        bands.push({ id: 'band:' + i.agency.id + ':' + n, group: i.agency.id, type: 'background',
          start: new Date(episode.from), end: episode.to ? new Date(episode.to) : openEnd, content: label,
          className: 'involvement ' + colourClass(i.agency.id) });
      });
    });
    items.add(bands.concat(ageItems(lastKey)));
    fillAgencySelector();
  }

  /** The child's age along a lane of its own: months to two, then years. */
  function ageItems(lastKey) {
    if (!child.dateOfBirth) {
      return [];
    }
    var birth = new Date(child.dateOfBirth + 'T00:00:00Z');
    var end = new Date(Math.max(lastKey / 1000, birth.getTime()) + 366 * 86400000);
    var list = [{ id: 'age:birth', group: AGE_LANE, type: 'point', start: birth, content: node('span', 'age', 'born ' + dateText(birth.toISOString()).substring(0, 10)), selectable: false, className: 'age' }];
    for (var m = 0; ; m += m < 24 ? 1 : 12) {
      var from = addMonths(birth, m);
      var to = addMonths(birth, m < 24 ? m + 1 : m + 12);
      if (from > end) {
        break;
      }
      list.push({ id: 'age:' + m, group: AGE_LANE, type: 'range', start: from, end: to, selectable: false,
        content: node('span', 'age', units(Math.floor(m / 12), 'year', m % 12, 'month')),
        className: 'age' });
    }
    return list;
  }

  function fillAgencySelector() {
    while (el.knownBy.options.length > 1) {
      el.knownBy.remove(1);
    }
    Object.keys(agencyNames).sort().forEach(function (id) {
      var option = node('option', null, agencyNames[id]);
      option.value = id;
      el.knownBy.appendChild(option);
    });
    if (state.knownBy && !agencyNames[state.knownBy]) {
      var unknown = node('option', null, state.knownBy);
      unknown.value = state.knownBy;
      el.knownBy.appendChild(unknown);
    }
    el.knownBy.value = state.knownBy;
  }

  // ---- entries ----

  function toEntry(n) {
    return {
      id: n.id, agencyId: n.agency.id, kind: n.kind, occurredAt: n.occurredAt, occurredText: n.occurredAtText,
      childAge: n.childAge, summary: n.summary, significance: n.significance,
      knownTo: n.knownTo.map(function (k) { return { agencyId: k.agency.id, since: instantKey(k.since) }; }),
      status: null, content: null, statusNode: null, row: null, statusCell: null
    };
  }

  /** Who knew the entry at the horizon (the contract's knownTo as of knownAt: horizon). */
  function statusAt(entry, horizonKey) {
    var knowers = entry.knownTo.filter(function (k) { return horizonKey === null || k.since <= horizonKey; });
    if (knowers.length === 0) {
      return 'not-known';
    }
    return knowers.length === 1 && knowers[0].agencyId === entry.agencyId ? 'not-shared' : 'shared';
  }

  /**
   * The look of an entry is on its own node, not on vis's item: the horizon changes thousands of them as it is
   * dragged, and a class on a node of ours costs a style, where an update of vis's item redraws and measures it.
   * So nothing that changes with the horizon changes the node's size either (see timeline.css).
   */
  function contentClass(entry) {
    return 'entry-content ' + colourClass(entry.agencyId) + ' significance-' + entry.significance.toLowerCase() + ' '
      + entry.status + (entry.evidence ? ' evidence' : '');
  }

  /*
   * An entry's box and its row are clones of these, filled in: for 10,000 entries that took a quarter less time here
   * than building the same nodes one by one.
   */
  var BOX_SKELETON = (function () {
    var box = node('span', 'entry-content');
    box.tabIndex = -1;
    box.appendChild(node('span', 'mark')).setAttribute('aria-hidden', 'true');
    box.appendChild(node('span', 'visually-hidden'));
    box.appendChild(node('span', 'summary'));
    var status = box.appendChild(node('span', 'status'));
    status.appendChild(node('span', 'status-mark', '\u2298')).setAttribute('aria-hidden', 'true');
    status.appendChild(node('span', 'visually-hidden'));
    return box;
  }());
  var ROW_SKELETON = (function () {
    var tr = node('div', 'entry-row');
    tr.setAttribute('role', 'row');
    var button = tr.appendChild(cell('rowheader')).appendChild(node('button', 'link'));
    button.type = 'button';
    // the child's age, the agency, the kind, the significance, the summary and the status at the horizon
    [null, 'agency-cell', null, null, 'summary-cell', 'status-cell'].forEach(function (className) {
      tr.appendChild(cell('cell', className));
    });
    return tr;
  }());

  function contentNode(entry) {
    var box = BOX_SKELETON.cloneNode(true);
    box.dataset.entryId = entry.id;
    var parts = box.children;
    parts[0].textContent = MARKS[entry.significance];
    parts[1].textContent = words(entry.significance) + ', ' + (agencyNames[entry.agencyId] || entry.agencyId) + ', '
      + entry.occurredText + ': ';
    parts[2].textContent = entry.summary;
    entry.statusNode = parts[3].lastChild;
    return box;
  }

  function item(entry) {
    return { id: entry.id, group: entry.agencyId, start: new Date(entry.occurredAt), type: 'box', align: 'left',
      content: entry.content, className: 'entry' };
  }

  /** A row of the table view (an ARIA table: see index.html). */
  function row(entry) {
    var tr = ROW_SKELETON.cloneNode(true);
    tr.dataset.entryId = entry.id;
    var cells = tr.children;
    cells[0].firstChild.textContent = entry.occurredText; // its click: see the table's listener below
    cells[1].textContent = entry.childAge || '';
    cells[2].className = 'agency-cell ' + colourClass(entry.agencyId);
    cells[2].textContent = agencyNames[entry.agencyId] || entry.agencyId;
    cells[3].textContent = words(entry.kind);
    cells[4].textContent = MARKS[entry.significance] + ' ' + words(entry.significance);
    cells[5].textContent = entry.summary;
    entry.statusCell = cells[6];
    entry.row = tr;
    return tr;
  }

  function cell(role, className, text) {
    var td = node('span', className, text);
    td.setAttribute('role', role);
    return td;
  }

  /**
   * The table's rows come in groups of ROWS_TOGETHER, each laid out only when near the screen (content-visibility:
   * auto): a browser lays out a table of 10,000 rows in seconds, and would on every page.
   */
  function rowGroups() {
    var groups = document.createDocumentFragment();
    var group = null;
    return {
      add: function (tr) {
        if (group === null || group.childElementCount === ROWS_TOGETHER) {
          group = groups.appendChild(node('div', 'row-group'));
          group.setAttribute('role', 'rowgroup');
        }
        group.appendChild(tr);
      },
      nodes: groups
    };
  }

  /**
   * Sets each entry's status at the horizon and whether it is a pattern's evidence, where either changed; in the
   * table too unless timelineOnly (while the horizon is dragged: restyling thousands of the table's rows costs
   * seconds, so the table follows when the drag ends).
   */
  function restate(list, timelineOnly) {
    var horizonKey = instantKey(state.horizon);
    list.forEach(function (entry) {
      var status = statusAt(entry, horizonKey);
      var evidence = evidenceIds.has(entry.id);
      var label = (status === 'shared' ? 'known to ' + entry.knownTo.filter(function (k) {
        return horizonKey === null || k.since <= horizonKey;
      }).length + ' agencies' : STATUS_TEXT[status]) + (evidence ? '; evidence of a practice pattern' : '');
      if (status !== entry.status || evidence !== entry.evidence || label !== entry.label) {
        entry.status = status;
        entry.evidence = evidence;
        entry.label = label;
        entry.content.className = contentClass(entry);
        entry.statusNode.textContent = status === 'not-shared' ? 'not shared' : '';
      }
      if (!timelineOnly && entry.rowLabel !== label) {
        entry.rowLabel = label;
        entry.statusCell.textContent = label;
        entry.row.className = 'entry-row ' + status + (evidence ? ' evidence' : '');
      }
    });
  }

  function isShown(data) {
    if (data.group === AGE_LANE || typeof data.id === 'string' && data.id.indexOf('band:') === 0) {
      return true;
    }
    return viewIds === null || viewIds.has(data.id);
  }

  function applyView() {
    entries.forEach(function (entry) {
      entry.row.hidden = viewIds !== null && !viewIds.has(entry.id);
    });
    shown.refresh();
    caption();
  }

  function caption() {
    var count = viewIds === null ? entries.size : order.filter(function (id) { return viewIds.has(id); }).length;
    el.caption.textContent = 'Entries in chronology order: ' + count + ' shown; '
      + (state.knownBy ? 'what ' + (agencyNames[state.knownBy] || state.knownBy) + ' knew' : "every agency's knowledge")
      + (state.horizon ? ' by ' + dateText(state.horizon) : '')
      + '; the record as it stood ' + (state.recordedAsOf ? 'on ' + dateText(state.recordedAsOf) : 'now') + ' (UTC)';
  }

  // ---- loading ----

  /** Reads the child and its chronology afresh; first: the first read, when already asked for. */
  function load(first) {
    var mine = ++generation;
    entries = new Map();
    order = [];
    unseen = [];
    items.clear();
    while (el.rows.firstChild) {
      el.rows.removeChild(el.rows.firstChild);
    }
    document.body.dataset.loaded = 'no';
    say('Reading the child...');
    var asked = performance.now();
    (first || graphQl(CHILD_QUERY, childVariables())).then(function (answer) {
      if (mine !== generation) {
        return;
      }
      if (!answer.data || !answer.data.child) {
        say(answer.errors ? 'Could not read the child: ' + errorText(answer) : 'No child has the id ' + state.childId + '.');
        document.body.dataset.loaded = 'failed';
        return;
      }
      if (!answer.data.chronology || !answer.data.chronologyPages) {
        failed(new Error(errorText(answer)));
        return;
      }
      child = answer.data.child;
      el.title.textContent = 'Timeline: ' + child.displayName;
      document.title = 'Timeline: ' + child.displayName;
      var involvement = answer.data.involvement;
      var firstKey = Math.min.apply(null, involvement.map(function (i) { return instantKey(i.firstEntryAt); }).concat([Date.now() * 1000]));
      var lastKey = Math.max.apply(null, involvement.map(function (i) { return instantKey(i.lastEntryAt); }).concat([firstKey]));
      if (child.dateOfBirth && involvement.length === 0) {
        firstKey = instantKey(child.dateOfBirth + 'T00:00:00Z');
      }
      var drawFirst = readPages(mine, answer.data.chronology, answer.data.chronologyPages,
        Math.round(performance.now() - asked));
      buildLanes(involvement, lastKey);
      showTimeline(firstKey, lastKey);
      readView();
      drawFirst();
    }).catch(failed);
  }

  function failed(error) {
    say('Could not read the chronology: ' + error.message);
    document.body.dataset.loaded = 'failed';
  }

  /**
   * The pages after the first, PAGES_AT_ONCE at a time, each from where chronologyPages says it begins to where
   * the next begins. Entries recorded meanwhile may push a page's last entries past its end: it then reads on
   * from its own endCursor until it reaches the next page's beginning (or the end); such a page, whose end is not
   * where the next begins, is read again with each edge's cursor, to stop where the next begins. The pages' entries
   * join the chronology order in page order, each entry once. The other pages are asked for at once; the answer is
   * the drawing of the first, for once the timeline is there.
   */
  function readPages(mine, first, starts, firstRead) {
    var slots = [null].concat(starts).map(function (after, n) {
      return { after: after, until: starts[n] || null, entries: [], rows: rowGroups(), done: false, edges: false };
    });
    var total = first.totalCount;
    var next = 1;
    var running = 0;

    function took(slot, connection, read) {
      var started = performance.now();
      var added = [];
      var endsWhereNextBegins = slot.until !== null && connection.pageInfo.endCursor === slot.until;
      if (slot.until !== null && !slot.edges && !endsWhereNextBegins) {
        slot.edges = true; // entries recorded or gone meanwhile: read this page again, edge by edge
        figures.pages.push({ read: read, built: 0, again: true });
        return;
      }
      var reached = false;
      for (var i = 0; i < connection.edges.length && !reached; i++) {
        var edge = connection.edges[i];
        if (!entries.has(edge.node.id)) {
          var entry = toEntry(edge.node);
          entries.set(entry.id, entry);
          entry.content = contentNode(entry);
          slot.rows.add(row(entry));
          entry.row.hidden = viewIds !== null && !viewIds.has(entry.id);
          added.push(entry);
        }
        reached = slot.edges && edge.cursor === slot.until;
      }
      slot.entries = slot.entries.concat(added);
      restate(added);
      unseen = unseen.concat(added.map(item));
      slot.done = endsWhereNextBegins || reached || !connection.pageInfo.hasNextPage;
      if (!slot.done) {
        slot.after = connection.pageInfo.endCursor;
      }
      figures.pages.push({ read: read, built: Math.round(performance.now() - started) });
    }

    function ask(slot) {
      running++;
      var asked = performance.now();
      graphQl(slot.edges ? EDGES_QUERY : ENTRIES_QUERY,
        { childId: state.childId, recordedAsOf: state.recordedAsOf || null, first: PAGE, after: slot.after })
        .then(function (answer) {
          running--;
          if (mine !== generation) {
            return;
          }
          if (!answer.data) {
            failed(new Error(errorText(answer)));
            return;
          }
          took(slot, answer.data.chronology, Math.round(performance.now() - asked));
          if (!slot.done) {
            ask(slot);
          }
          more();
          arrived();
        }).catch(failed);
    }

    function more() {
      while (running < PAGES_AT_ONCE && next < slots.length) {
        ask(slots[next++]);
      }
    }

    function arrived() {
      var all = slots.every(function (slot) { return slot.done; });
      if (all || performance.now() - drawnAt > DRAW_EVERY) {
        items.add(unseen);
        unseen = [];
        drawnAt = performance.now();
      }
      say('Read ' + entries.size + ' of ' + total + ' entries' + (all ? '.' : '...'));
      figures.entries = entries.size;
      if (!all) {
        return;
      }
      figures.allRead = performance.now();
      order = [];
      slots.forEach(function (slot) {
        slot.entries.forEach(function (entry) { order.push(entry.id); });
        // the table takes its rows once all are read: one layout of them all, not one as each page arrives
        el.rows.appendChild(slot.rows.nodes);
      });
      caption();
      readHorizon(); // once every entry is known: the evidence is listed by what it says
      afterPaint(function () {
        figures.allEntries = performance.now();
        document.body.dataset.loaded = 'all';
      });
    }

    more(); // asked for before the first page is drawn, so that they are read meanwhile
    return function drawFirst() {
      took(slots[0], first, firstRead);
      // clustering on before the first items go in: here 500 items took 0.2 s so, 1.3 s added and then clustered
      if (first.totalCount > CLUSTER_ABOVE) {
        timeline.setOptions({ cluster: { maxItems: 4, showStipes: false, fitOnDoubleClick: true,
          titleTemplate: '{count} entries close together: double-click or zoom in to see them' } });
      }
      items.add(unseen);
      unseen = [];
      drawnAt = performance.now();
      order = slots[0].entries.map(function (entry) { return entry.id; });
      if ((current === null || !entries.has(current)) && order.length > 0) {
        rove(order[0]);
      }
      caption();
      afterPaint(function () {
        figures.firstRender = performance.now();
      });
      if (!slots[0].done) {
        ask(slots[0]); // not reached in one page: entries were recorded meanwhile
      }
      arrived();
    };
  }

  function afterPaint(callback) {
    requestAnimationFrame(function () {
      setTimeout(callback, 0);
    });
  }

  /** With knownBy: the ids of chronology(knownBy, knownAt: horizon), all pages. */
  function readView() {
    if (!state.knownBy) {
      viewIds = null;
      applyView();
      return;
    }
    var asked = JSON.stringify([state.knownBy, state.horizon, state.recordedAsOf, generation]);
    var ids = new Set();
    viewIds = viewIds || new Set();
    applyView();
    (function next(after) {
      graphQl(VIEW_QUERY, { childId: state.childId, knownBy: state.knownBy, knownAt: state.horizon || null,
        recordedAsOf: state.recordedAsOf || null, first: PAGE, after: after }).then(function (answer) {
        if (asked !== JSON.stringify([state.knownBy, state.horizon, state.recordedAsOf, generation])) {
          return;
        }
        if (!answer.data) {
          say("Could not read the agency's view: " + errorText(answer));
          return;
        }
        var connection = answer.data.chronology;
        connection.edges.forEach(function (edge) { ids.add(edge.node.id); });
        if (connection.pageInfo.hasNextPage) {
          next(connection.pageInfo.endCursor);
        } else {
          viewIds = ids;
          applyView();
        }
      }).catch(failed);
    }(null));
  }

  // ---- the timeline ----

  function majorLabel(date, scale) {
    var formats = { millisecond: 'HH:mm:ss', second: 'D MMMM HH:mm', minute: 'ddd D MMMM', hour: 'ddd D MMMM',
      weekday: 'MMMM YYYY', day: 'MMMM YYYY', week: 'MMMM YYYY', month: 'YYYY' };
    var text = formats[scale] ? vis.moment(date.valueOf()).utc().format(formats[scale]) : '';
    var age = text ? ageText(date.toDate()) : '';
    return age ? text + ' \u00B7 child\u2019s age ' + age : text;
  }

  /** The width of the entries' area, once drawn (else a guess from the page's). */
  function itemsWidth() {
    var centre = el.timeline.querySelector('.vis-panel.vis-center');
    return centre && centre.clientWidth > 0 ? centre.clientWidth : el.timeline.clientWidth * 0.75;
  }

  /**
   * The whole history: a little room before the first entry, and after the last the room its box takes, for a
   * box runs rightwards from its date (BOX_WIDTH pixels of the entries' area, however wide the window).
   */
  function wholeHistory(firstKey, lastKey) {
    var span = Math.max(lastKey - firstKey, 86400000000) / 1000;
    var start = firstKey / 1000 - span * 0.03;
    var room = Math.min(0.6, BOX_WIDTH / Math.max(itemsWidth(), 1));
    var before = lastKey / 1000 - start;
    return { start: new Date(start), end: new Date(lastKey / 1000 + before * room / (1 - room)) };
  }

  function showTimeline(firstKey, lastKey) {
    var range = wholeHistory(firstKey, lastKey);
    if (timeline) {
      timeline.setWindow(range.start, range.end, { animation: false });
      return;
    }
    toFit = [firstKey, lastKey];
    timeline = new vis.Timeline(el.timeline, shown, groups, {
      start: range.start, end: range.end,
      orientation: { axis: 'top', item: 'top' },
      zoomMin: 86400000,
      zoomMax: 40 * 365 * 86400000,
      groupOrder: 'order',
      moment: function (date) { return vis.moment(date).utc(); },
      format: { majorLabels: majorLabel },
      showCurrentTime: false,
      multiselect: true,
      selectable: true,
      stack: true,
      verticalScroll: true,
      maxHeight: '70vh',
      margin: { item: { horizontal: 2, vertical: 3 } },
      snap: snapHorizon
    });
    timeline.on('select', function (properties) {
      var id = properties.items.filter(function (i) { return entries.has(i); })[0];
      if (id !== undefined) {
        rove(id);
        showDetails(id);
      }
    });
    // the shown window, for whoever reads the page (the browser test checks a horizon drag leaves it where it was)
    timeline.on('rangechanged', function (properties) {
      el.timeline.dataset.windowStart = properties.start.toISOString();
      el.timeline.dataset.windowEnd = properties.end.toISOString();
    });
    timeline.on('timechange', function (properties) {
      if (properties.id === 'horizon') {
        dragHorizon(properties.time);
      }
    });
    timeline.on('timechanged', function (properties) {
      if (properties.id === 'horizon') {
        setHorizon(isoText(snapToSecond(properties.time)), false);
      }
    });
    // vis keeps a timeline given its start and end hidden until the user first moves its range; it is drawn by then
    timeline.on('changed', function () {
      var root = el.timeline.querySelector('.vis-timeline');
      if (root && root.style.visibility === 'hidden') {
        root.style.visibility = 'visible';
      }
      if (toFit !== null) { // the first drawing: now the entries' area has its width
        var range = wholeHistory(toFit[0], toFit[1]);
        toFit = null;
        timeline.setWindow(range.start, range.end, { animation: false });
      }
    });
    placeHorizon();
  }

  /** The dragged horizon: on a UTC midnight when a step of the axis is a day or more, else on a minute. */
  function snapHorizon(date, scale) {
    var unit = ['millisecond', 'second', 'minute', 'hour'].indexOf(scale) >= 0 ? 60000 : 86400000;
    return new Date(Math.round(date.getTime() / unit) * unit);
  }

  function snapToSecond(date) {
    return new Date(Math.round(date.getTime() / 1000) * 1000);
  }

  // ---- the horizon ----

  var dragFrame = null;

  function dragHorizon(time) {
    var began = performance.now();
    if (dragFrame !== null) {
      return;
    }
    dragFrame = requestAnimationFrame(function () {
      dragFrame = null;
      state.horizon = isoText(snapToSecond(time));
      el.horizon.value = toControl(state.horizon);
      markHorizon();
      restate(Array.from(entries.values()), true);
      afterPaint(function () {
        figures.horizon.push(performance.now() - began);
      });
    });
  }

  /** The horizon moved (typed, dragged, placed or cleared): statuses, the address, the view and the side panels. */
  function setHorizon(text, move) {
    state.horizon = text;
    el.horizon.value = toControl(text);
    if (move) {
      placeHorizon();
    }
    markHorizon();
    var began = performance.now();
    restate(Array.from(entries.values()));
    afterPaint(function () {
      figures.horizonSet.push(performance.now() - began);
    });
    writeAddress();
    readView();
    readHorizon();
  }

  function placeHorizon() {
    var has = false;
    try {
      timeline.getCustomTime('horizon');
      has = true;
    } catch (none) {
      has = false;
    }
    if (state.horizon && has) {
      timeline.setCustomTime(new Date(instantKey(state.horizon) / 1000), 'horizon');
    } else if (state.horizon) {
      timeline.addCustomTime(new Date(instantKey(state.horizon) / 1000), 'horizon');
    } else if (has) {
      timeline.removeCustomTime('horizon');
    }
    markHorizon();
  }

  function markHorizon() {
    if (state.horizon) {
      timeline.setCustomTimeMarker('horizon ' + dateText(state.horizon), 'horizon', false);
      timeline.setCustomTimeTitle('knowledge horizon ' + dateText(state.horizon) + ' UTC: drag it', 'horizon');
    }
  }

  /** Practice patterns and the household at the horizon (now, without one). */
  function readHorizon() {
    var at = state.horizon || isoText(snapToSecond(new Date()));
    var asked = JSON.stringify([at, state.knownBy, state.recordedAsOf, generation]);
    graphQl(HORIZON_QUERY, { childId: state.childId, at: at, knownBy: state.knownBy || null,
      recordedAsOf: state.recordedAsOf || null }).then(function (answer) {
      if (asked !== JSON.stringify([state.horizon || at, state.knownBy, state.recordedAsOf, generation])) {
        return;
      }
      var data = answer.data || {};
      showPatterns(data.practicePatterns, answer, at);
      showHousehold(data.caseState, answer, at);
    }).catch(function (error) {
      say('Could not read the case at the horizon: ' + error.message);
    });
  }

  function fieldError(answer, field) {
    return (answer.errors || []).filter(function (e) { return (e.path || [])[0] === field; })
      .map(function (e) { return e.message; }).join('; ') || 'not available';
  }

  /**
   * The patterns holding at the horizon, one group per kind with its count, each pattern with its evidence. A long
   * case can hold hundreds of one kind, with hundreds of thousands of evidence entries between them: a group's
   * patterns are laid out when it is opened, and a pattern lists its first EVIDENCE_LISTED entries until asked for
   * all. With few patterns every group is open.
   */
  function showPatterns(patterns, answer, at) {
    var heading = el.patterns.querySelector('h2');
    clear(el.patterns, heading);
    heading.textContent = 'Practice patterns at ' + dateText(at);
    var evidence = new Set();
    if (!patterns) {
      el.patterns.appendChild(node('p', 'empty', fieldError(answer, 'practicePatterns')));
    } else if (patterns.length === 0) {
      el.patterns.appendChild(node('p', 'empty', 'None holds.'));
    } else {
      var kinds = new Map();
      patterns.forEach(function (pattern) {
        pattern.entries.forEach(function (e) { evidence.add(e.id); });
        if (!kinds.has(pattern.kind)) {
          kinds.set(pattern.kind, []);
        }
        kinds.get(pattern.kind).push(pattern);
      });
      var open = patterns.length <= PATTERNS_OPEN;
      kinds.forEach(function (ofKind, kind) {
        var group = el.patterns.appendChild(node('details', 'pattern-kind'));
        group.appendChild(node('summary', null, words(kind) + ' (' + ofKind.length + ')'));
        var list = null;
        function layOut() {
          if (list === null) {
            list = group.appendChild(node('ol', 'patterns'));
            ofKind.forEach(function (pattern) { list.appendChild(patternItem(pattern)); });
          }
        }
        group.addEventListener('toggle', function () {
          if (group.open) {
            layOut();
          }
        });
        if (open) {
          layOut();
          group.open = true;
        }
      });
    }
    evidenceIds = evidence;
    restate(Array.from(entries.values()));
  }

  function patternItem(pattern) {
    var li = node('li', 'pattern');
    li.appendChild(node('strong', null, words(pattern.kind)));
    li.appendChild(node('span', 'since', ' since ' + dateText(pattern.since)));
    li.appendChild(node('p', 'description', pattern.description));
    if (pattern.agencies.length > 0) {
      li.appendChild(node('p', 'agencies', 'Agencies: ' + pattern.agencies.map(function (a) { return a.name; }).join(', ')));
    }
    if (pattern.entries.length > 0) {
      var ids = pattern.entries.map(function (e) { return e.id; });
      var show = li.appendChild(node('button', 'link', 'Show its ' + ids.length + ' evidence '
        + (ids.length === 1 ? 'entry' : 'entries') + ' on the timeline'));
      show.type = 'button';
      show.addEventListener('click', function () {
        timeline.setSelection(ids, { focus: true });
      });
      var evidenceList = li.appendChild(node('ul', 'evidence-list'));
      var listEvidence = function (upTo) {
        ids.slice(evidenceList.children.length, upTo).forEach(function (id) {
          var entry = entries.get(id);
          evidenceList.appendChild(node('li')).appendChild(entryButton(id, entry
            ? entry.occurredText + ' ' + (agencyNames[entry.agencyId] || entry.agencyId) + ': ' + entry.summary : id));
        });
      };
      listEvidence(EVIDENCE_LISTED);
      if (ids.length > EVIDENCE_LISTED) {
        var rest = li.appendChild(node('button', 'link', 'List all ' + ids.length + ' evidence entries'));
        rest.type = 'button';
        rest.addEventListener('click', function () {
          listEvidence(ids.length);
          rest.remove();
        });
      }
    }
    return li;
  }

  function showHousehold(caseState, answer, at) {
    var heading = el.household.querySelector('h2');
    clear(el.household, heading);
    heading.textContent = 'Household at ' + dateText(at);
    if (!caseState) {
      el.household.appendChild(node('p', 'empty', fieldError(answer, 'caseState')));
      return;
    }
    var facts = el.household.appendChild(node('p', 'facts', (caseState.onChildProtectionPlan
      ? 'On a child protection plan. ' : 'Not on a child protection plan. ')
      + (caseState.lastSeen ? 'Last seen ' + dateText(caseState.lastSeen) + '. ' : 'Not seen yet. ')
      + 'Involved: ' + (caseState.involvedAgencies.map(function (i) { return i.agency.name; }).join(', ') || 'none') + '.'));
    facts.id = 'case-facts';
    if (caseState.household.length === 0) {
      el.household.appendChild(node('p', 'empty', 'Nobody known yet.'));
    } else {
      var people = el.household.appendChild(node('ul', 'people'));
      caseState.household.forEach(function (person) {
        people.appendChild(node('li', null, person.personId + ': ' + words(person.role) + ', ' + words(person.sex)
          + (person.livesWithChild ? ', lives with the child' : ', does not live with the child') + '; known to '
          + person.knownTo.map(function (k) { return k.agency.name + ' (' + dateText(k.since) + ')'; }).join(', ')));
      });
    }
    el.household.appendChild(node('h3', null, 'Unseen men'));
    if (caseState.unseenBy.length === 0) {
      el.household.appendChild(node('p', 'empty', state.knownBy ? 'Not asked in one agency\u2019s view.' : 'None.'));
    } else {
      var unseen = el.household.appendChild(node('ul', 'unseen'));
      caseState.unseenBy.forEach(function (person) {
        unseen.appendChild(node('li', null, person.personId + ': known to '
          + (person.knownTo.map(function (a) { return a.name; }).join(', ') || 'nobody') + '; not known to '
          + person.unknownTo.map(function (a) { return a.name; }).join(', ')));
      });
    }
  }

  // ---- details ----

  function showDetails(id) {
    var heading = el.details.querySelector('h2');
    graphQl(ENTRY_QUERY, { id: id, recordedAsOf: state.recordedAsOf || null }).then(function (answer) {
      clear(el.details, heading);
      var entry = answer.data && answer.data.entry;
      if (!entry) {
        el.details.appendChild(node('p', 'empty', answer.errors ? errorText(answer) : 'No such entry in this record.'));
        return;
      }
      var shownEntry = entries.get(id);
      el.details.dataset.entryId = id;
      el.details.appendChild(node('h3', null, entry.occurredAtText + ', ' + entry.agency.name));
      var facts = el.details.appendChild(node('dl', 'facts'));
      [['Kind', words(entry.kind)], ['Significance', MARKS[entry.significance] + ' ' + words(entry.significance)],
        ['At the horizon', shownEntry ? shownEntry.label : ''], ["Child's age", entry.childAge || ''],
        ['Professional', entry.professional || ''], ['Source ref', entry.sourceRef],
        ['Known to its agency', dateText(entry.knownAt)], ['Recorded', dateText(entry.recordedAt)],
        ['Version', String(entry.version)]].forEach(function (pair) {
        facts.appendChild(node('dt', null, pair[0]));
        facts.appendChild(node('dd', null, pair[1]));
      });
      el.details.appendChild(node('h4', null, 'Summary'));
      el.details.appendChild(node('p', 'summary-text', entry.summary));
      el.details.appendChild(node('h4', null, 'Known to'));
      var horizonKey = instantKey(state.horizon);
      var known = el.details.appendChild(node('ul', 'known-to'));
      entry.knownTo.forEach(function (k) {
        var later = horizonKey !== null && instantKey(k.since) > horizonKey;
        known.appendChild(node('li', later ? 'after-horizon' : null, k.agency.name + ' since ' + dateText(k.since) + ', '
          + (k.how === 'OWN_RECORD' ? 'its own record' : 'shared' + (k.channel ? ' (' + words(k.channel) + ')' : ''))
          + (later ? ' (after the horizon)' : '')));
      });
      el.details.appendChild(node('h4', null, 'History of corrections'));
      var versions = el.details.appendChild(node('ol', 'history'));
      entry.history.forEach(function (v) {
        versions.appendChild(node('li', null, 'Version ' + v.version + ', recorded ' + dateText(v.recordedAt)
          + (v.retracted ? ': retracted' : '') + (v.reason ? '. Reason: ' + v.reason : '') + '. Occurred '
          + dateText(v.occurredAt) + ', known ' + dateText(v.knownAt) + ', ' + words(v.significance) + ': ' + v.summary));
      });
      el.details.appendChild(node('h4', null, 'Links'));
      if (entry.links.length === 0) {
        el.details.appendChild(node('p', 'empty', 'None.'));
      } else {
        var links = el.details.appendChild(node('ul', 'links'));
        entry.links.forEach(function (link) {
          var li = links.appendChild(node('li', null, words(link.kind) + ': ' + link.note + ' '));
          link.entryIds.filter(function (other) { return other !== id; }).forEach(function (other) {
            var target = entries.get(other);
            li.appendChild(entryButton(other, target ? target.occurredText + ' ' + (agencyNames[target.agencyId] || '') : other));
          });
        });
      }
    }).catch(function (error) {
      clear(el.details, heading);
      el.details.appendChild(node('p', 'empty', 'Could not read the entry: ' + error.message));
    });
  }

  // ---- keyboard ----

  /** The entry the keyboard is on takes the tab stop (a roving tabindex). */
  function rove(id) {
    if (current !== null && entries.has(current)) {
      entries.get(current).content.tabIndex = -1;
    }
    current = id;
    entries.get(id).content.tabIndex = 0;
  }

  function select(id, move) {
    rove(id);
    timeline.setSelection([id]);
    var entry = entries.get(id);
    var range = timeline.getWindow();
    var at = new Date(entry.occurredAt);
    if (move || at < range.start || at > range.end) {
      timeline.moveTo(at, { animation: false });
    }
    afterPaint(function () {
      if (entry.content.isConnected) {
        entry.content.focus();
      }
    });
  }

  function visibleOrder() {
    return viewIds === null ? order : order.filter(function (id) { return viewIds.has(id); });
  }

  function neighbour(id, key) {
    var list = visibleOrder();
    if (list.length === 0) {
      return null;
    }
    var index = list.indexOf(id);
    if (key === 'Home' || index < 0) {
      return list[0];
    }
    if (key === 'End') {
      return list[list.length - 1];
    }
    if (key === 'ArrowRight' || key === 'ArrowLeft') {
      return list[Math.max(0, Math.min(list.length - 1, index + (key === 'ArrowRight' ? 1 : -1)))];
    }
    var entry = entries.get(id);
    var lane = agencies.indexOf(entry.agencyId) + (key === 'ArrowDown' ? 1 : -1);
    for (; lane >= 0 && lane < agencies.length; lane += key === 'ArrowDown' ? 1 : -1) {
      var best = nearestIn(list, agencies[lane], entry.occurredAt);
      if (best !== null) {
        return best;
      }
    }
    return id;
  }

  function nearestIn(list, agencyId, occurredAt) {
    var at = new Date(occurredAt).getTime();
    var best = null;
    var distance = Infinity;
    list.forEach(function (id) {
      var other = entries.get(id);
      if (other.agencyId === agencyId && Math.abs(new Date(other.occurredAt).getTime() - at) < distance) {
        distance = Math.abs(new Date(other.occurredAt).getTime() - at);
        best = id;
      }
    });
    return best;
  }

  el.timeline.addEventListener('keydown', function (event) {
    var keys = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
    if (keys.indexOf(event.key) >= 0) {
      var next = neighbour(current, event.key);
      if (next !== null) {
        event.preventDefault();
        select(next, false);
      }
    } else if ((event.key === 'Enter' || event.key === ' ') && current !== null) {
      event.preventDefault();
      select(current, false);
      showDetails(current);
    }
  });

  // ---- controls ----

  // one listener for the date buttons of all the table's rows
  el.rows.addEventListener('click', function (event) {
    var button = event.target.closest('[role=rowheader] button');
    if (button) {
      showEntry(button.closest('[data-entry-id]').dataset.entryId);
    }
  });

  el.horizon.addEventListener('change', function () {
    setHorizon(fromControl(el.horizon.value), true);
  });
  el.horizonHere.addEventListener('click', function () {
    var range = timeline.getWindow();
    setHorizon(isoText(snapToSecond(new Date((range.start.getTime() + range.end.getTime()) / 2))), true);
  });
  el.horizonClear.addEventListener('click', function () {
    setHorizon('', true);
  });
  el.knownBy.addEventListener('change', function () {
    state.knownBy = el.knownBy.value;
    writeAddress();
    readView();
    readHorizon();
  });
  el.recordedAsOf.addEventListener('change', function () {
    state.recordedAsOf = fromControl(el.recordedAsOf.value);
    writeAddress();
    load();
  });
  el.recordedAsOfClear.addEventListener('click', function () {
    state.recordedAsOf = '';
    el.recordedAsOf.value = '';
    writeAddress();
    load();
  });
  document.getElementById('controls').addEventListener('submit', function (event) {
    event.preventDefault();
  });

  document.addEventListener('DOMContentLoaded', function () {
    useVis();
    if (!state.childId) {
      say('Name the child in the address: /timeline?childId=...');
      document.body.dataset.loaded = 'failed';
      return;
    }
    el.horizon.value = toControl(state.horizon);
    el.recordedAsOf.value = toControl(state.recordedAsOf);
    writeAddress();
    load(early);
  });
}());
