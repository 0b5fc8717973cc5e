import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/core/commands.ts
/**
 * The runner's side of an action: inputs from INPUT_* variables, workflow commands on stdout
 * (`::add-mask::`, `::group::`, annotations) and file commands (GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_STEP_SUMMARY), as documented in "Workflow commands for GitHub Actions".
 *
 * Why not @actions/core: it loads its OIDC client (@actions/http-client and undici) at import,
 * about 1 MB of bundle and 50 ms of every step's start, for a feature no action here uses.
 * The protocol below is the whole of what the actions need, written to the same format.
 */




/** Escapes a command's message: the runner reads one command per line. */
const escapeData = (value) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escapes a command property, where `:` ends the properties and `,` separates them. */
const escapeProperty = (value) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
/** One workflow command line, e.g. `::warning file=a.ts,line=3::message`. */
function formatCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
function issue(command, message, properties = {}) {
    process.stdout.write(formatCommand(command, properties, message) + external_node_os_namespaceObject.EOL);
}
/** A multi-line `name<<delimiter` entry for GITHUB_OUTPUT, GITHUB_STATE and GITHUB_ENV. */
function fileCommandEntry(name, value, delimiter = (0,external_node_crypto_.randomUUID)()) {
    const marker = `ghadelimiter_${delimiter}`;
    if (name.includes(marker) || value.includes(marker))
        throw new Error(`${name}: the value contains the file command delimiter`);
    return `${name}<<${marker}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${marker}${external_node_os_namespaceObject.EOL}`;
}
/** Appends to the file the runner names in `variable`; false when there is none. */
function fileCommand(variable, name, value) {
    const file = process.env[variable];
    if (!file)
        return false;
    (0,external_node_fs_namespaceObject.appendFileSync)(file, fileCommandEntry(name, value), 'utf8');
    return true;
}
/** An input as the runner passes it (INPUT_<NAME>, spaces as underscores), untrimmed. */
function getInput(name) {
    return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
function debug(message) {
    issue('debug', message);
}
const annotation = (properties = {}) => ({
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn
});
function warning(message, properties) {
    issue('warning', message, annotation(properties));
}
function error(message, properties) {
    issue('error', message, annotation(properties));
}
/** Tells the runner to mask a value in every later log line. */
function setSecret(secret) {
    issue('add-mask', secret);
}
/** Ends the step red with `message` as an error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Runs `fn` inside a collapsible log group. */
async function group(name, fn) {
    issue('group', name);
    try {
        return await fn();
    }
    finally {
        issue('endgroup', '');
    }
}
function setOutput(name, value) {
    if (fileCommand('GITHUB_OUTPUT', name, value))
        return;
    // Outside a runner (no GITHUB_OUTPUT) the value is printed on a line of its own, as old
    // runners read it.
    process.stdout.write(external_node_os_namespaceObject.EOL);
    issue('set-output', value, { name });
}
/** Saves a value the post step reads back with getState. */
function saveState(name, value) {
    if (!fileCommand('GITHUB_STATE', name, value))
        issue('save-state', value, { name });
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** Appends Markdown to the job summary; nothing when the runner gives no summary file. */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return;
    await (0,promises_namespaceObject.appendFile)(file, markdown + external_node_os_namespaceObject.EOL, 'utf8');
}

;// CONCATENATED MODULE: ./src/core/errors.ts
/** An input that does not match its accepted form; the message names both. */
class InputError extends Error {
    input;
    constructor(input, value, accepted) {
        super(`Invalid input "${input}": ${JSON.stringify(value)}. Expected ${accepted}.`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** A tool that ran and failed; the message carries the tool's own last words. */
class errors_ToolError extends Error {
    tool;
    exitCode;
    constructor(tool, exitCode, detail) {
        super(`${tool} failed${exitCode === null ? '' : ` (exit ${exitCode})`}: ${detail}`);
        this.tool = tool;
        this.exitCode = exitCode;
        this.name = 'ToolError';
    }
}
/** Flattens any thrown value into the one line the step fails with. */
function oneLine(error) {
    const text = error instanceof Error ? error.message : String(error);
    const line = text.replace(/\s*\n\s*/g, ' ').trim();
    return line === '' ? 'unknown error' : line;
}

;// CONCATENATED MODULE: ./src/core/secrets.ts

const registered = new Set();
/**
 * Registers a credential with the runner's masker and with our own redaction, so that
 * tool output we echo is clean even where no runner masks it (act, local runs, tests).
 */
function maskSecret(value) {
    if (!value)
        return;
    const forms = new Set([value, ...value.split(/\r?\n/).map(l => l.trim())]);
    forms.add(Buffer.from(value).toString('base64'));
    for (const form of forms) {
        if (form.length < 4 || registered.has(form))
            continue;
        registered.add(form);
        setSecret(form);
    }
}
/** Replaces every registered credential in text with ***. */
function redact(text) {
    let out = text;
    // Longest first, so a secret containing another is replaced whole.
    for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
        if (out.includes(secret))
            out = out.split(secret).join('***');
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/run.ts



const POST_STATE = 'isPost';
/**
 * The one error boundary of every action: runs `main`, or `post` on the post step, and
 * turns anything thrown (Error or not) into a single failed line.
 */
async function run(main, post) {
    const isPost = getState(POST_STATE) === 'true';
    try {
        if (isPost) {
            if (post)
                await post();
            return;
        }
        if (post)
            saveState(POST_STATE, 'true');
        await main();
    }
    catch (error) {
        setFailed(redact(oneLine(error)));
    }
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/core/summary.ts


/** Escapes text for a Markdown table cell. */
function cell(value) {
    return String(value ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, ' ');
}
function markdownTable(header, rows) {
    const lines = [
        `| ${header.map(cell).join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        ...rows.map(r => `| ${r.map(cell).join(' | ')} |`)
    ];
    return lines.join('\n');
}
/**
 * Appends Markdown to the job summary. Best-effort: a summary that cannot be written only
 * warns, since it must never fail a deploy that worked. Credentials are redacted.
 */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        await appendSummary(redact(markdown));
    }
    catch (error) {
        warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/** Sets an output with credentials redacted. */
function summary_setOutput(name, value) {
    setOutput(name, redact(String(value)));
}

;// CONCATENATED MODULE: ./src/trivy/db.ts
// The vulnerability DB in a trivy cache dir: <cache>/db/trivy.db and db/metadata.json.
// The scan fails closed when the DB is missing while updates are skipped, or older than
// the allowed age (a mirror or a cache that silently stopped updating).


function dbDir(cacheDir) {
    return external_node_path_default().join(cacheDir, 'db');
}
/** Reads db/metadata.json; undefined when there is no DB. Throws when it is unreadable. */
function readDbMetadata(cacheDir) {
    const file = external_node_path_default().join(dbDir(cacheDir), 'metadata.json');
    if (!(0,external_node_fs_namespaceObject.existsSync)(file) || !(0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(dbDir(cacheDir), 'trivy.db')))
        return undefined;
    let data;
    try {
        data = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        throw new Error(`The vulnerability DB metadata ${file} is not valid JSON (${error.message}).`);
    }
    const updatedAt = date(data.UpdatedAt);
    if (!updatedAt)
        throw new Error(`The vulnerability DB metadata ${file} has no valid UpdatedAt time.`);
    return {
        version: typeof data.Version === 'number' ? data.Version : 0,
        updatedAt,
        nextUpdate: date(data.NextUpdate),
        downloadedAt: date(data.DownloadedAt)
    };
}
function date(value) {
    if (typeof value !== 'string')
        return undefined;
    const d = new Date(value);
    return Number.isNaN(d.getTime()) || d.getTime() <= 0 ? undefined : d;
}
/** Refuses a DB whose UpdatedAt is older than maxAgeMs (0 disables the check). */
function checkDbAge(meta, maxAgeMs, now = new Date()) {
    if (maxAgeMs <= 0)
        return;
    const age = now.getTime() - meta.updatedAt.getTime();
    if (age > maxAgeMs) {
        throw new Error(`The vulnerability DB is stale: updated ${meta.updatedAt.toISOString()} (${formatAge(age)} ago), older than max-db-age ${formatAge(maxAgeMs)}. Update it (unset skip-db-update, or refresh the db-repository mirror), or raise max-db-age.`);
    }
}
function formatAge(ms) {
    const hours = Math.floor(ms / 3_600_000);
    if (hours >= 48)
        return `${Math.floor(hours / 24)}d`;
    if (hours >= 1)
        return `${hours}h`;
    return `${Math.max(0, Math.floor(ms / 60_000))}m`;
}
/** Parses max-db-age: 7d, 36h, 90m, or 0/off to disable; undefined when malformed. */
function parseMaxAge(value) {
    const text = value.trim().toLowerCase();
    if (text === 'off' || text === '0')
        return 0;
    const m = /^(\d+)(d|h|m)$/.exec(text);
    if (!m)
        return undefined;
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2]];
    return Number(m[1]) * unit;
}

;// CONCATENATED MODULE: ./src/trivy/report.ts
// Trivy's JSON report (schema version 2) as findings, counts and the severity gate.
// The JSON report is the one source of truth: the gate, the counts, the job summary and
// the annotations are all computed from it.
const SEVERITIES = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const FAIL_ON = ['none', ...SEVERITIES];
function severityRank(severity) {
    const at = SEVERITIES.indexOf(severity.toUpperCase());
    return at < 0 ? 0 : at;
}
/** The severities at or above a threshold: HIGH gives HIGH and CRITICAL. */
function atOrAbove(threshold) {
    return SEVERITIES.filter(s => severityRank(s) >= severityRank(threshold));
}
class ReportError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReportError';
    }
}
const str = (v) => (typeof v === 'string' ? v : '');
const num = (v) => (typeof v === 'number' && v > 0 ? v : undefined);
const arr = (v) => Array.isArray(v) ? v.filter(x => x && typeof x === 'object') : [];
function toSeverity(value) {
    const upper = str(value).toUpperCase();
    return SEVERITIES.includes(upper) ? upper : 'UNKNOWN';
}
/**
 * Parses a Trivy JSON report. Anything that is not one (not JSON, no SchemaVersion 2, no
 * artifact) throws: a report that cannot be read must never pass a gate.
 */
function parseReport(text, source = 'the Trivy JSON report') {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new ReportError(`${source} is not valid JSON (${error.message}); refusing to pass an unreadable report.`);
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
        throw new ReportError(`${source} is not a Trivy report (expected a JSON object).`);
    }
    const report = data;
    if (report.SchemaVersion !== 2) {
        throw new ReportError(`${source} has SchemaVersion ${JSON.stringify(report.SchemaVersion)}; expected 2.`);
    }
    if (!str(report.ArtifactName) && !str(report.ArtifactType)) {
        throw new ReportError(`${source} names no artifact; it is not the report of a scan.`);
    }
    if (report.Results !== undefined && report.Results !== null && !Array.isArray(report.Results)) {
        throw new ReportError(`${source} has a Results field that is not a list.`);
    }
    const findings = [];
    for (const result of arr(report.Results)) {
        const target = str(result.Target);
        for (const v of arr(result.Vulnerabilities)) {
            findings.push({
                kind: 'vulnerability',
                severity: toSeverity(v.Severity),
                id: str(v.VulnerabilityID),
                target,
                subject: str(v.PkgName),
                installed: str(v.InstalledVersion),
                fixed: str(v.FixedVersion),
                title: str(v.Title) || str(v.Description).split('\n')[0],
                url: str(v.PrimaryURL) || undefined
            });
        }
        for (const m of arr(result.Misconfigurations)) {
            // PASS and EXCEPTION entries appear with --include-non-failures; only FAIL is a finding.
            if (str(m.Status) && str(m.Status) !== 'FAIL')
                continue;
            const cause = (m.CauseMetadata ?? {});
            findings.push({
                kind: 'misconfiguration',
                severity: toSeverity(m.Severity),
                id: str(m.ID) || str(m.AVDID),
                target,
                subject: target,
                installed: '',
                fixed: '',
                title: str(m.Title),
                file: target,
                startLine: num(cause.StartLine),
                endLine: num(cause.EndLine),
                message: str(m.Message) || str(m.Description),
                url: str(m.PrimaryURL) || undefined
            });
        }
        for (const s of arr(result.Secrets)) {
            findings.push({
                kind: 'secret',
                severity: toSeverity(s.Severity),
                id: str(s.RuleID),
                target,
                subject: target,
                installed: '',
                fixed: '',
                title: str(s.Title),
                file: target,
                startLine: num(s.StartLine),
                endLine: num(s.EndLine),
                message: `${str(s.Title) || str(s.RuleID)} (${str(s.Category) || 'secret'})`
            });
        }
        for (const l of arr(result.Licenses)) {
            findings.push({
                kind: 'license',
                severity: toSeverity(l.Severity),
                id: str(l.Name),
                target,
                subject: str(l.PkgName) || str(l.FilePath) || target,
                installed: '',
                fixed: '',
                title: `${str(l.Category) || 'license'}: ${str(l.Name)}`
            });
        }
    }
    return {
        artifactName: str(report.ArtifactName),
        artifactType: str(report.ArtifactType),
        findings
    };
}
function countBySeverity(findings) {
    const counts = { UNKNOWN: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 };
    for (const f of findings)
        counts[f.severity]++;
    return counts;
}
/** Keeps the findings whose severity is listed (what `--severity` would have kept). */
function filterSeverities(findings, severities) {
    return findings.filter(f => severities.includes(f.severity));
}
/**
 * The gate: fails when any finding is at or above `failOn` (CRITICAL fails on CRITICAL
 * only, HIGH on HIGH and CRITICAL); 'none' never fails.
 */
function gate(findings, failOn) {
    if (failOn === 'none')
        return { passed: true, failing: [] };
    const floor = severityRank(failOn);
    const failing = findings.filter(f => severityRank(f.severity) >= floor);
    return { passed: failing.length === 0, failing };
}
/** Findings ordered for people: most severe first, then by ID. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) ||
        a.id.localeCompare(b.id) ||
        a.subject.localeCompare(b.subject));
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/core/exec.ts



/**
 * Runs a tool from an argv array (never a shell string), captures both streams and
 * resolves whatever the exit code; `execOrThrow` turns a failure into one error.
 */
function exec(tool, args, options = {}) {
    const started = Date.now();
    const stream = options.stream ?? true;
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(tool, args, {
            cwd: options.cwd,
            env: { ...process.env, ...options.env },
            stdio: ['pipe', 'pipe', 'pipe'],
            shell: false
        });
        const out = [];
        const err = [];
        let pending = '';
        let timedOut = false;
        const timer = options.timeoutMs && options.timeoutMs > 0
            ? setTimeout(() => {
                timedOut = true;
                child.kill('SIGTERM');
                setTimeout(() => child.kill('SIGKILL'), 5000).unref();
            }, options.timeoutMs)
            : undefined;
        child.stdout.on('data', (chunk) => {
            out.push(chunk);
            if (stream)
                process.stdout.write(redact(chunk.toString()));
            if (options.onLine) {
                pending += chunk.toString();
                const lines = pending.split('\n');
                pending = lines.pop() ?? '';
                for (const line of lines)
                    options.onLine(line);
            }
        });
        child.stderr.on('data', (chunk) => {
            err.push(chunk);
            if (stream)
                process.stdout.write(redact(chunk.toString()));
        });
        child.on('error', error => {
            if (timer)
                clearTimeout(timer);
            const code = error.code;
            reject(new errors_ToolError(tool, null, code === 'ENOENT' ? `${tool} was not found on PATH` : error.message));
        });
        child.on('close', code => {
            if (timer)
                clearTimeout(timer);
            if (options.onLine && pending !== '')
                options.onLine(pending);
            const result = {
                exitCode: code ?? 1,
                stdout: Buffer.concat(out).toString(),
                stderr: Buffer.concat(err).toString(),
                durationMs: Date.now() - started
            };
            if (timedOut) {
                reject(new errors_ToolError(tool, null, `timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)}s`));
            }
            else {
                resolve(result);
            }
        });
        if (options.input !== undefined)
            child.stdin.end(options.input);
        else
            child.stdin.end();
    });
}
/** Like exec, but a non-zero exit throws a ToolError built from the tool's last error line. */
async function execOrThrow(tool, args, options = {}) {
    const result = await exec(tool, args, options);
    if (result.exitCode !== 0) {
        throw new ToolError(displayName(tool, args), result.exitCode, lastErrorLine(result));
    }
    return result;
}
function displayName(tool, args) {
    const base = tool.split('/').pop() ?? tool;
    const sub = args.find(a => !a.startsWith('-'))?.match(/^[a-z][a-z-]*$/)?.[0];
    return sub ? `${base} ${sub}` : base;
}
/** The most telling line of a failed tool's output: its last error line, redacted. */
function lastErrorLine(result) {
    const lines = (result.stderr.trim() ? result.stderr : result.stdout)
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    const errorLine = [...lines]
        .reverse()
        .find(l => /error|failed|denied|invalid|cannot|unable/i.test(l));
    return redact(errorLine ?? lines[lines.length - 1] ?? 'no output');
}

;// CONCATENATED MODULE: ./src/core/inputs.ts


const runnerInputs = name => getInput(name);
/** Typed input readers over one source. Every action's inputs module uses these and nothing else. */
class Inputs {
    read;
    constructor(read = runnerInputs) {
        this.read = read;
    }
    raw(name) {
        return (this.read(name) ?? '').trim();
    }
    string(name, fallback = '') {
        const value = this.raw(name);
        return value === '' ? fallback : value;
    }
    required(name, accepted = 'a non-empty value') {
        const value = this.raw(name);
        if (value === '')
            throw new InputError(name, value, accepted);
        return value;
    }
    boolean(name, fallback) {
        const value = this.raw(name);
        if (value === '')
            return fallback;
        if (/^(true|yes|on|1)$/i.test(value))
            return true;
        if (/^(false|no|off|0)$/i.test(value))
            return false;
        throw new InputError(name, value, 'true or false');
    }
    /** Comma- or newline-separated, the way docker/build-push-action reads `tags`. */
    list(name) {
        return splitList(this.raw(name), /[\n,]/);
    }
    /** One entry per line, for values that may hold commas (build-args, set). */
    lines(name) {
        return splitList(this.raw(name), /\n/);
    }
    enumOf(name, allowed, fallback) {
        const value = this.raw(name);
        if (value === '')
            return fallback;
        const match = allowed.find(a => a.toLowerCase() === value.toLowerCase());
        if (!match)
            throw new InputError(name, value, `one of ${allowed.join(', ')}`);
        return match;
    }
    enumList(name, allowed, fallback) {
        const values = this.list(name);
        if (values.length === 0)
            return fallback;
        return values.map(value => {
            const match = allowed.find(a => a.toLowerCase() === value.toLowerCase());
            if (!match)
                throw new InputError(name, value, `a comma-separated list of ${allowed.join(', ')}`);
            return match;
        });
    }
    integer(name, fallback, min = 0, max = Number.MAX_SAFE_INTEGER) {
        const value = this.raw(name);
        if (value === '')
            return fallback;
        if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
            throw new InputError(name, value, `a whole number from ${min} to ${max}`);
        }
        return Number(value);
    }
    /** A duration in milliseconds. */
    duration(name, fallback) {
        const value = this.raw(name) || fallback;
        const ms = parseDuration(value);
        if (ms === undefined) {
            throw new InputError(name, value, 'a duration such as 90s, 5m or 1h30m (units h, m, s, ms)');
        }
        return ms;
    }
    /** key=value entries, one per line; keys must match `keyPattern`. */
    keyValues(name, keyPattern = /^[A-Za-z_][A-Za-z0-9_.-]*$/) {
        return this.lines(name).map(entry => {
            const at = entry.indexOf('=');
            const key = at > 0 ? entry.slice(0, at).trim() : '';
            if (!keyPattern.test(key))
                throw new InputError(name, entry, 'KEY=value entries, one per line');
            return [key, entry.slice(at + 1)];
        });
    }
}
function splitList(value, separator) {
    return value
        .split(separator)
        .map(s => s.trim())
        .filter(s => s !== '' && !s.startsWith('#'));
}
const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
/** Parses Go-style durations (1h30m, 90s, 250ms) or bare seconds; undefined when malformed. */
function parseDuration(value) {
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(text))
        return undefined;
    let total = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) {
        total += Number(amount) * UNIT_MS[unit];
    }
    return Math.round(total);
}
/** Formats milliseconds the way Go tools accept them (helm --timeout, trivy --timeout). */
function formatDuration(ms) {
    if (ms % 1000 !== 0)
        return `${ms}ms`;
    return `${ms / 1000}s`;
}

;// CONCATENATED MODULE: ./src/trivy/argv.ts
// Every trivy command line the action runs, built from explicit settings. Nothing is left
// to trivy's defaults that read the working directory or the environment: the config file
// (trivy.yaml), the ignore file (.trivyignore), the cache dir and the exit code are always
// passed, so one step's settings can never leak into the next.


const SCAN_TYPES = ['image', 'config', 'fs'];
const SCANNERS = ['vuln', 'misconfig', 'secret', 'license'];
const FORMATS = ['table', 'json', 'sarif', 'cyclonedx'];
/** Trivy's own defaults per command, made explicit. */
const DEFAULT_SCANNERS = {
    image: ['vuln', 'secret'],
    fs: ['vuln', 'secret'],
    config: ['misconfig']
};
/** The scanners a scan type accepts; `trivy config` has no --scanners at all. */
function scannersFlag(args) {
    if (args.scanType === 'config')
        return [];
    return ['--scanners', args.scanners.join(',')];
}
/** Whether this scan reads the vulnerability DB. */
function needsVulnDb(args) {
    return args.scanType !== 'config' && args.scanners.includes('vuln');
}
/**
 * Flags every trivy run gets, spelled out each time so that nothing (a trivy.yaml, a TRIVY_*
 * variable, an earlier step) can change what a run reports: exit code 0, the action gates.
 */
function explicitFlags(format, output, args) {
    return [
        '--format',
        format,
        '--output',
        output,
        '--exit-code',
        '0',
        '--config',
        args.configFile,
        '--ignorefile',
        args.ignoreFile,
        '--cache-dir',
        args.cacheDir,
        '--timeout',
        formatDuration(args.timeoutMs),
        '--severity',
        args.severities.join(',')
    ];
}
/** The one scan: JSON to `output`, exit code 0 (the action gates, not trivy). */
function scanArgv(args) {
    const argv = [args.scanType, ...explicitFlags('json', args.output, args)];
    argv.push(...scannersFlag(args));
    for (const dir of args.skipDirs)
        argv.push('--skip-dirs', dir);
    for (const file of args.skipFiles)
        argv.push('--skip-files', file);
    if (args.skipVersionCheck)
        argv.push('--skip-version-check');
    if (args.disableTelemetry)
        argv.push('--disable-telemetry');
    if (args.skipCheckUpdate)
        argv.push('--skip-check-update');
    if (args.scanType !== 'config') {
        argv.push('--no-progress');
        if (args.ignoreUnfixed)
            argv.push('--ignore-unfixed');
        if (args.offlineScan)
            argv.push('--offline-scan');
        if (args.listAllPkgs)
            argv.push('--list-all-pkgs');
        if (args.skipDbUpdate)
            argv.push('--skip-db-update');
        if (args.skipJavaDbUpdate)
            argv.push('--skip-java-db-update');
        if (args.dbRepositories.length)
            argv.push('--db-repository', args.dbRepositories.join(','));
        if (args.javaDbRepositories.length)
            argv.push('--java-db-repository', args.javaDbRepositories.join(','));
    }
    if (args.scanType === 'image') {
        if (args.input)
            argv.push('--input', args.input);
        else
            argv.push('--', requireValue(args.imageRef, 'image-ref'));
    }
    else {
        argv.push('--', requireValue(args.scanRef, 'scan-ref'));
    }
    return argv;
}
/** `trivy convert`: another format from the JSON report, filtered to `severities`. */
function convertArgv(args) {
    const argv = ['convert', ...explicitFlags(args.format, args.output, args)];
    if (args.format === 'table') {
        // The detailed tables only: the summary table needs the scanners of the original scan.
        argv.push('--table-mode', 'detailed');
    }
    argv.push('--', args.report);
    return argv;
}
function requireValue(value, input) {
    if (!value)
        throw new Error(`Invalid input "${input}": it is empty. Expected the target to scan.`);
    return value;
}
/** All five severities: what a report must keep when some output wants them all. */
const ALL_SEVERITIES = [...SEVERITIES];
/** File extension per report format. */
const FORMAT_EXTENSION = {
    json: 'json',
    sarif: 'sarif',
    table: 'txt',
    cyclonedx: 'cdx.json'
};

;// CONCATENATED MODULE: ./src/trivy/sarif.ts
// SARIF from `trivy convert`, made ready for github/codeql-action/upload-sarif: file
// locations become paths relative to the repository (the workspace), since trivy writes
// them relative to the scanned directory and roots them at the report file it converted.

/** Parses and checks the SARIF envelope; an unreadable SARIF fails the step. */
function parseSarif(text, source) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${source} is not valid JSON (${error.message}).`);
    }
    if (!data || data.version !== '2.1.0' || !Array.isArray(data.runs)) {
        throw new Error(`${source} is not a SARIF 2.1.0 log (no version 2.1.0 or no runs).`);
    }
    return data;
}
/** Rewrites artifact locations to workspace-relative paths and roots them at the workspace. */
function relocateSarif(sarif, context) {
    const workspace = external_node_path_default().resolve(context.workspace);
    const prefix = context.scanRoot !== undefined
        ? external_node_path_default().relative(workspace, external_node_path_default().resolve(context.scanRoot)).split((external_node_path_default()).sep).join('/')
        : '';
    const inside = prefix === '' || !prefix.startsWith('..');
    for (const run of sarif.runs) {
        run.originalUriBaseIds = { ROOTPATH: { uri: `file://${workspace.split((external_node_path_default()).sep).join('/')}/` } };
        if (context.scanRoot === undefined || !inside || prefix === '')
            continue;
        for (const result of (run.results ?? [])) {
            for (const location of (result.locations ?? [])) {
                const artifact = location?.physicalLocation?.artifactLocation;
                if (!artifact ||
                    typeof artifact.uri !== 'string' ||
                    /^[a-z][a-z0-9+.-]*:/i.test(artifact.uri))
                    continue;
                artifact.uri = external_node_path_default().posix.join(prefix, artifact.uri);
            }
        }
    }
    return sarif;
}

;// CONCATENATED MODULE: ./src/core/tools.ts






/**
 * @actions/tool-cache, loaded on first use: it brings an HTTP client (undici) that only an
 * install needs, and every step would otherwise pay for loading it at start.
 */
const toolCache = () => __nccwpck_require__.e(/* import() */ 991).then(__nccwpck_require__.bind(__nccwpck_require__, 5991));
/** Every executable called `name` on PATH, in PATH order. */
function findAllOnPath(name, searchPath = process.env.PATH ?? '') {
    const found = [];
    for (const dir of searchPath.split((external_node_path_default()).delimiter)) {
        if (!dir)
            continue;
        const candidate = external_node_path_default().join(dir, name);
        try {
            const st = (0,external_node_fs_namespaceObject.statSync)(candidate);
            if (st.isFile() && st.mode & 0o111 && !found.includes(candidate))
                found.push(candidate);
        }
        catch {
            // not in this directory
        }
    }
    return found;
}
const normalizeVersion = (v) => v.trim().replace(/^v/, '');
/**
 * Finds a tool: a binary on PATH at the wanted version, else the runner's tool cache,
 * else the pinned release, downloaded and checked against its sha256.
 */
async function findTool(request) {
    const wanted = request.version ? normalizeVersion(request.version) : '';
    const seen = [];
    for (const candidate of findAllOnPath(request.name)) {
        const version = normalizeVersion((await request.readVersion(candidate)) ?? '');
        seen.push(`${candidate} (${version || 'unknown version'})`);
        if (!wanted || version === wanted)
            return { path: candidate, version, source: 'path' };
    }
    // The tool cache exists only on a runner; elsewhere tc.find would throw and hide the reason.
    if (wanted && process.env.RUNNER_TOOL_CACHE) {
        const cached = (await toolCache()).find(request.name, wanted);
        if (cached)
            return { path: external_node_path_default().join(cached, request.name), version: wanted, source: 'tool-cache' };
    }
    if (!request.release) {
        const found = seen.length ? ` Found: ${seen.join(', ')}.` : '';
        throw new Error(`${request.name}${wanted ? ` ${wanted}` : ''} was not found on PATH and no release is pinned for ${process.platform}/${process.arch}.${found} Install it or set the version input to one on PATH.`);
    }
    return { ...(await installRelease(request.release)), source: 'installed' };
}
/** Downloads a release, refuses it unless its sha256 matches, and caches it. */
async function installRelease(release) {
    info(`Downloading ${release.tool} ${release.version} from ${release.url}`);
    const tc = await toolCache();
    const downloaded = await tc.downloadTool(release.url);
    const actual = await sha256File(downloaded);
    if (actual !== release.sha256.toLowerCase()) {
        throw new Error(`${release.tool} ${release.version} download failed its checksum: expected sha256 ${release.sha256}, got ${actual} (${release.url}).`);
    }
    let dir;
    if (release.archive === 'tar.gz')
        dir = await tc.extractTar(downloaded);
    else if (release.archive === 'zip')
        dir = await tc.extractZip(downloaded);
    else {
        dir = external_node_path_default().dirname(downloaded);
        await (0,promises_namespaceObject.chmod)(downloaded, 0o755);
    }
    const binary = release.archive === 'none' ? downloaded : external_node_path_default().join(dir, release.binary);
    if (!(0,external_node_fs_namespaceObject.existsSync)(binary)) {
        throw new Error(`${release.tool} ${release.version}: the release archive has no ${release.binary}.`);
    }
    const cachedDir = await tc.cacheFile(binary, release.tool, release.tool, release.version);
    return { path: external_node_path_default().join(cachedDir, release.tool), version: release.version };
}
function sha256File(file) {
    return new Promise((resolve, reject) => {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        (0,external_node_fs_namespaceObject.createReadStream)(file)
            .on('data', chunk => hash.update(chunk))
            .on('error', reject)
            .on('end', () => resolve(hash.digest('hex')));
    });
}
/** Runs `binary args` and returns the first version-looking token of its output. */
async function versionFrom(binary, args) {
    try {
        const result = await exec(binary, args, { stream: false, timeoutMs: 30_000 });
        const match = `${result.stdout}\n${result.stderr}`.match(/v?(\d+\.\d+\.\d+(?:[-+][\w.]+)?)/);
        return match?.[1];
    }
    catch {
        return undefined;
    }
}
/** The runner's platform in the names release assets use. */
function platform() {
    const arch = process.arch === 'x64' ? 'amd64' : process.arch === 'arm64' ? 'arm64' : process.arch;
    return { os: process.platform, arch };
}

;// CONCATENATED MODULE: ./src/trivy/tool.ts
// Finding the trivy binary: on PATH at the wanted version, else the runner's tool cache,
// else the pinned release (GitHub-hosted runners), downloaded and checked against its sha256.




const TRIVY_VERSION = '0.74.0';
/**
 * Release tarballs by version and platform (process.platform/process.arch), with their
 * sha256 from trivy's published trivy_<v>_checksums.txt. A version not listed here is
 * used only when it is already on PATH or in the tool cache.
 */
const TRIVY_RELEASES = {
    '0.74.0': {
        'linux/x64': {
            asset: 'trivy_0.74.0_Linux-64bit.tar.gz',
            sha256: '2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a'
        },
        'linux/arm64': {
            asset: 'trivy_0.74.0_Linux-ARM64.tar.gz',
            sha256: 'b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5'
        }
    }
};
/** The pinned release for a version and platform, if there is one. */
function trivyRelease(version, platform = process.platform, arch = process.arch) {
    const v = version.replace(/^v/, '');
    const pinned = TRIVY_RELEASES[v]?.[`${platform}/${arch}`];
    if (!pinned)
        return undefined;
    return {
        tool: 'trivy',
        version: v,
        url: `https://github.com/aquasecurity/trivy/releases/download/v${v}/${pinned.asset}`,
        sha256: pinned.sha256,
        binary: 'trivy',
        archive: 'tar.gz'
    };
}
/**
 * `trivy --version` prints "Version: 0.74.0" (and DB details after it). It takes about
 * 0.3 s, a large part of a warm scan, so the answer is remembered per binary: its real
 * path, size and modification time (a replaced binary is asked again).
 */
async function readTrivyVersion(binary, cacheFile = versionCacheFile()) {
    let key;
    try {
        const real = (0,external_node_fs_namespaceObject.realpathSync)(binary);
        const st = (0,external_node_fs_namespaceObject.statSync)(real);
        key = `${real}:${st.size}:${Math.trunc(st.mtimeMs)}`;
    }
    catch {
        return versionFrom(binary, ['--version']);
    }
    const known = readCache(cacheFile);
    if (known[key])
        return known[key];
    const version = await versionFrom(binary, ['--version']);
    if (version) {
        try {
            (0,external_node_fs_namespaceObject.mkdirSync)(external_node_path_default().dirname(cacheFile), { recursive: true });
            (0,external_node_fs_namespaceObject.writeFileSync)(cacheFile, JSON.stringify({ ...readCache(cacheFile), [key]: version }));
        }
        catch {
            // Only a speed-up: a cache that cannot be written is asked again next time.
        }
    }
    return version;
}
function versionCacheFile() {
    const base = process.env.RUNNER_TOOL_CACHE || external_node_path_default().join((0,external_node_os_namespaceObject.tmpdir)(), 'k8s-stack');
    return external_node_path_default().join(base, 'k8s-stack-trivy-versions.json');
}
function readCache(file) {
    try {
        const data = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8'));
        return data && typeof data === 'object' && !Array.isArray(data) ? data : {};
    }
    catch {
        return {};
    }
}
/** Finds trivy at `version` ('' or 'any': whatever is on PATH). */
function findTrivy(version) {
    const wanted = version === 'any' ? '' : version.replace(/^v/, '');
    return findTool({
        name: 'trivy',
        version: wanted,
        readVersion: binary => readTrivyVersion(binary),
        release: wanted ? trivyRelease(wanted) : undefined
    });
}

;// CONCATENATED MODULE: ./src/trivy/scan.ts
// One scan, fail closed: trivy runs ONCE with explicit flags and writes JSON, the source
// of truth for the gate, the counts and the summary; every other format is `trivy convert`
// of that JSON, so formats can never disagree and no setting leaks between scans.













/** Environment variables trivy reads that a previous step may have left behind. */
const CREDENTIAL_ENV = ['TRIVY_USERNAME', 'TRIVY_PASSWORD', 'TRIVY_REGISTRY_TOKEN'];
/**
 * The environment trivy runs with: every TRIVY_* variable removed (trivy reads each of
 * its flags from TRIVY_<FLAG>; a leftover TRIVY_SEVERITY from another step would change
 * this scan) except registry credentials, which are masked.
 */
function trivyEnv(env = process.env) {
    const out = {};
    for (const key of Object.keys(env)) {
        if (!key.startsWith('TRIVY_'))
            continue;
        if (CREDENTIAL_ENV.includes(key)) {
            if (key !== 'TRIVY_USERNAME')
                maskSecret(env[key]);
            continue;
        }
        out[key] = undefined;
    }
    return out;
}
/** trivy's own default cache dir. */
function defaultCacheDir(env = process.env) {
    const base = env.XDG_CACHE_HOME || external_node_path_default().join(env.HOME || (0,external_node_os_namespaceObject.tmpdir)(), '.cache');
    return external_node_path_default().join(base, 'trivy');
}
async function runScan(request) {
    const started = Date.now();
    const workspace = external_node_path_default().resolve(request.workspace);
    const trivy = await findTrivy(request.version);
    info(`trivy ${trivy.version || '(unknown version)'} at ${trivy.path} (${trivy.source})`);
    const work = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(request.tempDir || (0,external_node_os_namespaceObject.tmpdir)(), `trivy-${request.scanType}-`));
    const reports = await reportPaths(request, work);
    // The files trivy would otherwise pick up from the working directory, made explicit.
    const configFile = request.trivyConfig
        ? existingFile(request.trivyConfig, 'trivy-config', workspace)
        : external_node_path_default().join(work, 'trivy.yaml');
    if (!request.trivyConfig)
        await (0,promises_namespaceObject.writeFile)(configFile, '# k8s-stack: no trivy.yaml; every setting is a flag\n{}\n');
    const ignoreFile = await mergeIgnoreFiles(request.trivyIgnores, workspace, work);
    const cacheDir = external_node_path_default().resolve(request.cacheDir);
    const scanners = request.scanType === 'config' ? ['misconfig'] : request.scanners;
    const usesDb = needsVulnDb({ scanType: request.scanType, scanners });
    if (usesDb && request.skipDbUpdate && !readDbMetadata(cacheDir)) {
        throw new Error(`The vulnerability DB is missing from ${dbDir(cacheDir)} and skip-db-update is on: nothing to scan against. Restore the cache (cache-dir) or unset skip-db-update.`);
    }
    // The JSON keeps every severity only when a SARIF must show them all.
    const sarifSeverities = request.limitSeveritiesForSarif ? request.severities : ALL_SEVERITIES;
    const wantsAll = request.formats.includes('sarif') && !request.limitSeveritiesForSarif;
    const scanSeverities = wantsAll ? ALL_SEVERITIES : request.severities;
    const rawJson = wantsAll ? external_node_path_default().join(work, 'trivy-all-severities.json') : reports.json;
    const scanRoot = request.scanType === 'image' ? undefined : scanRootOf(external_node_path_default().resolve(workspace, request.scanRef));
    const args = {
        scanType: request.scanType,
        imageRef: request.imageRef,
        input: request.input ? external_node_path_default().resolve(workspace, request.input) : '',
        scanRef: request.scanRef ? external_node_path_default().resolve(workspace, request.scanRef) : '',
        scanners,
        severities: scanSeverities,
        ignoreUnfixed: request.ignoreUnfixed,
        ignoreFile,
        configFile,
        cacheDir,
        timeoutMs: request.timeoutMs,
        skipDirs: request.skipDirs,
        skipFiles: request.skipFiles,
        dbRepositories: request.dbRepositories,
        javaDbRepositories: request.javaDbRepositories,
        skipDbUpdate: request.skipDbUpdate,
        skipJavaDbUpdate: request.skipJavaDbUpdate,
        offlineScan: request.offlineScan,
        skipCheckUpdate: request.skipCheckUpdate,
        skipVersionCheck: request.skipVersionCheck,
        disableTelemetry: request.disableTelemetry,
        listAllPkgs: request.formats.includes('cyclonedx'),
        output: rawJson
    };
    if (request.scanType === 'image' && request.input && !(0,external_node_fs_namespaceObject.existsSync)(args.input)) {
        throw new Error(`Invalid input "input": ${request.input} does not exist. Expected an image tarball (docker save / OCI layout).`);
    }
    if (request.scanType !== 'image' && !(0,external_node_fs_namespaceObject.existsSync)(args.scanRef)) {
        throw new Error(`Invalid input "scan-ref": ${request.scanRef} does not exist. Expected a file or directory in the workspace.`);
    }
    const env = trivyEnv();
    // trivy's own timeout ends the scan; ours only guards against a hung process.
    const guardMs = request.timeoutMs + 60_000;
    await group(`trivy ${request.scanType} ${request.imageRef || request.input || request.scanRef}`, () => runTrivy(trivy.path, scanArgv(args), env, guardMs));
    if (!(0,external_node_fs_namespaceObject.existsSync)(rawJson)) {
        throw new Error(`trivy ${request.scanType} exited 0 but wrote no report at ${rawJson}; refusing to pass an unscanned target.`);
    }
    const parsed = parseReport(await (0,promises_namespaceObject.readFile)(rawJson, 'utf8'), `the trivy JSON report ${rawJson}`);
    let db;
    if (usesDb) {
        db = readDbMetadata(cacheDir);
        if (!db)
            throw new Error(`The vulnerability DB is missing from ${dbDir(cacheDir)} after the scan; the result cannot be trusted.`);
        checkDbAge(db, request.maxDbAgeMs);
    }
    const findings = filterSeverities(parsed.findings, request.severities);
    const result = gate(findings, request.failOn);
    // The other formats, each from the same JSON with full explicit flags.
    const convertBase = {
        report: rawJson,
        ignoreFile,
        configFile,
        cacheDir,
        timeoutMs: request.timeoutMs,
        scanners,
        scanType: request.scanType
    };
    for (const format of request.formats) {
        const out = reports[format];
        if (format === 'json') {
            if (rawJson !== out) {
                await runTrivy(trivy.path, convertArgv({ ...convertBase, format, output: out, severities: request.severities }), env, guardMs, false);
            }
            continue;
        }
        const severities = format === 'sarif' ? sarifSeverities : request.severities;
        await runTrivy(trivy.path, convertArgv({ ...convertBase, format, output: out, severities }), env, guardMs, false);
        if (format === 'sarif') {
            const sarif = parseSarif(await (0,promises_namespaceObject.readFile)(out, 'utf8'), `the SARIF report ${out}`);
            await (0,promises_namespaceObject.writeFile)(out, JSON.stringify(relocateSarif(sarif, { workspace, scanRoot }), null, 2) + '\n');
        }
        if (format === 'table' && !request.output) {
            info(await (0,promises_namespaceObject.readFile)(out, 'utf8'));
        }
    }
    if (!request.formats.includes('json') && rawJson !== reports.json) {
        // The JSON report is always an output, filtered like the gate saw it.
        await runTrivy(trivy.path, convertArgv({
            ...convertBase,
            format: 'json',
            output: reports.json,
            severities: request.severities
        }), env, guardMs, false);
    }
    return {
        trivy: { path: trivy.path, version: trivy.version },
        artifactName: parsed.artifactName,
        findings,
        counts: countBySeverity(findings),
        gate: result,
        reports,
        db,
        scanRoot,
        durationMs: Date.now() - started
    };
}
async function runTrivy(binary, argv, env, timeoutMs, stream = true) {
    const result = await exec(binary, argv, { env, timeoutMs, stream });
    if (result.exitCode !== 0) {
        const sub = argv[0];
        throw new errors_ToolError(`trivy ${sub}`, result.exitCode, trimLogPrefix(lastErrorLine(result)));
    }
    return result;
}
/** trivy's log lines start with a timestamp and a level; the message is what matters. */
function trimLogPrefix(line) {
    return line
        .replace(/^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:?\d\d)?\s+(FATAL|ERROR|WARN|INFO)\s+/, '')
        .replace(/^Fatal error\s+/i, '');
}
/** A scanned file's targets are relative to its directory; a directory's to itself. */
function scanRootOf(absolute) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(absolute).isDirectory() ? absolute : external_node_path_default().dirname(absolute);
    }
    catch {
        return absolute;
    }
}
function existingFile(file, input, workspace) {
    const absolute = external_node_path_default().resolve(workspace, file);
    if (!(0,external_node_fs_namespaceObject.existsSync)(absolute))
        throw new Error(`Invalid input "${input}": ${file} does not exist. Expected a path to a file.`);
    return absolute;
}
/**
 * One ignore file for trivy. Plain .trivyignore files are concatenated; a single YAML
 * ignore file (.trivyignore.yaml) is passed as it is. No files: an empty one, so a
 * .trivyignore in the working directory is only used when named.
 */
async function mergeIgnoreFiles(files, workspace, work) {
    const yaml = files.filter(f => /\.ya?ml$/i.test(f));
    if (yaml.length > 0) {
        if (files.length > 1) {
            throw new Error(`Invalid input "trivyignores": ${files.join(', ')}. Expected plain .trivyignore files, or a single .trivyignore.yaml.`);
        }
        return existingFile(yaml[0], 'trivyignores', workspace);
    }
    const parts = [];
    for (const file of files) {
        const content = await (0,promises_namespaceObject.readFile)(existingFile(file, 'trivyignores', workspace), 'utf8');
        parts.push(`# ${file}\n${content.endsWith('\n') ? content : content + '\n'}`);
    }
    const merged = external_node_path_default().join(work, 'trivyignore');
    await (0,promises_namespaceObject.writeFile)(merged, parts.join(''));
    return merged;
}
/** Where each requested format (and the always-written JSON) goes. */
async function reportPaths(request, work) {
    const paths = {};
    const name = (format) => `trivy-results.${FORMAT_EXTENSION[format]}`;
    if (request.output && request.formats.length === 1) {
        const file = external_node_path_default().resolve(request.workspace, request.output);
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        paths[request.formats[0]] = file;
    }
    else {
        const dir = request.output ? external_node_path_default().resolve(request.workspace, request.output) : work;
        await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
        for (const format of request.formats)
            paths[format] = external_node_path_default().join(dir, name(format));
    }
    if (!paths.json)
        paths.json = external_node_path_default().join(work, name('json'));
    return paths;
}

;// CONCATENATED MODULE: ./src/docker/reference.ts
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:]+\])(?::\d+)?$/;
const ACCEPTED = '[registry[:port]/]repository[:tag][@sha256:<64 hex>], repository in lowercase';
class ReferenceError extends Error {
    ref;
    problem;
    constructor(ref, problem) {
        super(`Invalid image reference ${JSON.stringify(ref)}: ${problem}. Expected ${ACCEPTED}.`);
        this.ref = ref;
        this.problem = problem;
        this.name = 'ReferenceError';
    }
}
/** parseReference for an input: the error names the input, the problem and the accepted form. */
function parseReferenceInput(input, value) {
    try {
        return parseReference(value);
    }
    catch (error) {
        if (!(error instanceof ReferenceError))
            throw error;
        throw new Error(`Invalid input "${input}": ${JSON.stringify(value)}: ${error.problem}. Expected ${ACCEPTED}.`);
    }
}
function parseReference(ref) {
    const text = ref.trim();
    if (text === '')
        throw new ReferenceError(ref, 'it is empty');
    if (/\s/.test(text))
        throw new ReferenceError(ref, 'it contains white space');
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw new ReferenceError(ref, `digest "${digest}" is not sha256: followed by 64 lowercase hex characters`);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        validateTag(ref, tag);
    }
    const parts = rest.split('/');
    let registry = '';
    if (parts.length > 1 &&
        (/[.:]/.test(parts[0]) || parts[0] === 'localhost' || /^\[/.test(parts[0]))) {
        registry = parts.shift();
        if (!HOST.test(registry))
            throw new ReferenceError(ref, `registry "${registry}" is not a host[:port]`);
    }
    if (parts.some(p => p === ''))
        throw new ReferenceError(ref, 'the repository has an empty path component');
    for (const part of parts) {
        if (part !== part.toLowerCase())
            throw new ReferenceError(ref, `repository component "${part}" must be lowercase`);
        if (!PATH_COMPONENT.test(part)) {
            throw new ReferenceError(ref, `repository component "${part}" may only hold a-z, 0-9 and single separators (., _, __, -) between them`);
        }
    }
    const path = parts.join('/');
    if (path.length + registry.length + 1 > 255)
        throw new ReferenceError(ref, 'the name is longer than 255 characters');
    return { registry, path, tag, digest };
}
function validateTag(ref, tag) {
    if (tag === '')
        throw new ReferenceError(ref, 'the tag after ":" is empty');
    if (tag.length > 128)
        throw new ReferenceError(ref, `tag is ${tag.length} characters; at most 128 are allowed`);
    if (!TAG.test(tag))
        throw new ReferenceError(ref, `tag "${tag}" may only hold A-Z, a-z, 0-9, _, . and - and must not start with . or -`);
}
/** The repository with its registry, without tag or digest. */
function repositoryOf(ref) {
    return ref.registry ? `${ref.registry}/${ref.path}` : ref.path;
}
function formatReference(ref) {
    return `${repositoryOf(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** Validates a bare tag (as derived for an image) with the same rules. */
function isValidTag(tag) {
    return TAG.test(tag);
}
/** Turns a branch or ref name into a valid tag: docker/metadata-action's sanitising. */
function sanitizeTag(value) {
    const cleaned = value.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '');
    return cleaned.slice(0, 128);
}

;// CONCATENATED MODULE: ./actions/scan/src/inputs.ts








/** A registry/repository[:tag] reference as trivy's --db-repository takes it. */
const VERSION = /^(any|v?\d+\.\d+\.\d+)$/;
function readScanInputs(inputs = new Inputs(), env = process.env) {
    const scanType = inputs.enumOf('scan-type', SCAN_TYPES, 'image');
    const imageRef = inputs.string('image-ref');
    const input = inputs.string('input');
    const scanRef = inputs.string('scan-ref', scanType === 'image' ? '' : '.');
    if (scanType === 'image') {
        if (!imageRef && !input) {
            throw new InputError('image-ref', '', 'an image reference (registry/repository:tag or @sha256:...), or an image tarball in "input"');
        }
        if (imageRef)
            parseReferenceInput('image-ref', imageRef);
    }
    if (scanRef.startsWith('-'))
        throw new InputError('scan-ref', scanRef, 'a path in the workspace');
    const formats = inputs.enumList('format', FORMATS, ['table']);
    const output = inputs.string('output');
    if (new Set(formats).size !== formats.length)
        throw new InputError('format', formats.join(','), 'each format at most once');
    const dbRepositories = inputs.list('db-repository');
    const javaDbRepositories = inputs.list('java-db-repository');
    for (const [name, values] of [
        ['db-repository', dbRepositories],
        ['java-db-repository', javaDbRepositories]
    ]) {
        for (const value of values) {
            if (parseReferenceInput(name, value).digest || !value.includes('/'))
                throw new InputError(name, value, 'a registry/repository[:tag] reference such as ghcr.io/aquasecurity/trivy-db:2');
        }
    }
    const maxDbAge = inputs.string('max-db-age', '7d');
    const maxDbAgeMs = parseMaxAge(maxDbAge);
    if (maxDbAgeMs === undefined)
        throw new InputError('max-db-age', maxDbAge, 'an age such as 7d, 36h or 90m, or off');
    const version = inputs.string('version', TRIVY_VERSION);
    if (!VERSION.test(version))
        throw new InputError('version', version, `a trivy version such as ${TRIVY_VERSION}, or any`);
    const exitCode = inputs.integer('exit-code', 1, 0, 1);
    const offlineScan = inputs.boolean('offline-scan', false);
    return {
        scanType,
        imageRef,
        input,
        scanRef,
        scanners: inputs.enumList('scanners', SCANNERS, DEFAULT_SCANNERS[scanType]),
        severities: inputs.enumList('severity', SEVERITIES, [...SEVERITIES]),
        ignoreUnfixed: inputs.boolean('ignore-unfixed', false),
        failOn: inputs.enumOf('fail-on', FAIL_ON, 'HIGH'),
        exitCode,
        formats: formats,
        output,
        trivyIgnores: inputs.list('trivyignores'),
        trivyConfig: inputs.string('trivy-config'),
        skipDirs: inputs.list('skip-dirs'),
        skipFiles: inputs.list('skip-files'),
        timeoutMs: inputs.duration('timeout', '5m'),
        cacheDir: inputs.string('cache-dir', defaultCacheDir(env)),
        version,
        dbRepositories,
        javaDbRepositories,
        skipDbUpdate: inputs.boolean('skip-db-update', false),
        skipJavaDbUpdate: inputs.boolean('skip-java-db-update', false),
        offlineScan,
        skipCheckUpdate: inputs.boolean('skip-check-update', offlineScan),
        skipVersionCheck: inputs.boolean('skip-version-check', true),
        disableTelemetry: inputs.boolean('disable-telemetry', true),
        limitSeveritiesForSarif: inputs.boolean('limit-severities-for-sarif', true),
        maxDbAgeMs,
        summaryRows: inputs.integer('summary-rows', 50, 0, 1000),
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        tempDir: env.RUNNER_TEMP || undefined
    };
}

;// CONCATENATED MODULE: ./actions/scan/src/main.ts







const MAX_ANNOTATIONS = 50;
async function main() {
    // Fail closed: until a scan has been read and gated, the result is an error. The
    // runner keeps the last value written, so this is overwritten only on success.
    summary_setOutput('result', 'error');
    const inputs = readScanInputs();
    const outcome = await runScan(inputs);
    const result = outcome.gate.passed ? 'pass' : 'fail';
    summary_setOutput('result', result);
    for (const severity of SEVERITIES)
        summary_setOutput(severity.toLowerCase(), outcome.counts[severity]);
    summary_setOutput('findings-count', outcome.findings.length);
    summary_setOutput('json-report', outcome.reports.json ?? '');
    summary_setOutput('sarif-report', outcome.reports.sarif ?? '');
    summary_setOutput('table-report', outcome.reports.table ?? '');
    summary_setOutput('cyclonedx-report', outcome.reports.cyclonedx ?? '');
    summary_setOutput('report', outcome.reports[inputs.formats[0]] ?? outcome.reports.json ?? '');
    summary_setOutput('trivy-version', outcome.trivy.version);
    summary_setOutput('db-updated-at', outcome.db ? outcome.db.updatedAt.toISOString() : '');
    annotate(outcome, inputs);
    await writeSummary(summaryMarkdown(outcome, inputs));
    const line = gateLine(outcome, inputs);
    if (outcome.gate.passed) {
        info(line);
    }
    else if (inputs.exitCode === 0) {
        warning(`${line} (exit-code 0: reporting only)`);
    }
    else {
        throw new Error(line);
    }
}
function target(inputs) {
    return inputs.scanType === 'image' ? inputs.imageRef || inputs.input : inputs.scanRef;
}
function gateLine(outcome, inputs) {
    const what = `trivy ${inputs.scanType} scan of ${target(inputs)}`;
    if (inputs.failOn === 'none')
        return `${what}: ${outcome.findings.length} findings; fail-on is none.`;
    if (outcome.gate.passed)
        return `${what} passed: no finding at or above ${inputs.failOn}.`;
    const ids = [...new Set(sortFindings(outcome.gate.failing).map(f => f.id))];
    const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? `, and ${ids.length - 5} more` : '');
    return `${what} failed: ${outcome.gate.failing.length} findings at or above ${inputs.failOn} (${shown}).`;
}
/** File annotations for misconfigurations and secrets, at workspace-relative paths. */
function annotate(outcome, inputs) {
    if (!outcome.scanRoot)
        return;
    const workspace = external_node_path_default().resolve(inputs.workspace);
    const located = sortFindings(outcome.findings).filter(f => f.file && (f.kind === 'misconfiguration' || f.kind === 'secret'));
    const failOn = inputs.failOn === 'none' ? Infinity : severityRank(inputs.failOn);
    for (const finding of located.slice(0, MAX_ANNOTATIONS)) {
        const file = external_node_path_default().relative(workspace, external_node_path_default().resolve(outcome.scanRoot, finding.file))
            .split((external_node_path_default()).sep)
            .join('/');
        const properties = {
            title: `${finding.severity} ${finding.id}: ${finding.title}`,
            file,
            startLine: finding.startLine,
            endLine: finding.endLine
        };
        const message = finding.message || finding.title;
        if (severityRank(finding.severity) >= failOn)
            error(message, properties);
        else
            warning(message, properties);
    }
    if (located.length > MAX_ANNOTATIONS) {
        info(`${located.length - MAX_ANNOTATIONS} more findings were not annotated; see the job summary and the reports.`);
    }
}
function subjectOf(f) {
    if (f.kind === 'vulnerability' || f.kind === 'license')
        return f.subject;
    return f.startLine ? `${f.file}:${f.startLine}` : f.file || f.target;
}
function summaryMarkdown(outcome, inputs) {
    const icon = outcome.gate.passed ? '✅' : '❌';
    const verdict = outcome.gate.passed ? 'passed' : 'failed';
    const lines = [
        `### ${icon} Trivy ${inputs.scanType} scan ${verdict}: \`${outcome.artifactName || target(inputs)}\``,
        '',
        `Gate: fail on ${inputs.failOn === 'none' ? 'nothing (none)' : `${inputs.failOn} and above`} · severities shown: ${inputs.severities.join(', ')}${inputs.ignoreUnfixed ? ' · unfixed ignored' : ''} · trivy ${outcome.trivy.version}${outcome.db ? ` · DB updated ${outcome.db.updatedAt.toISOString()} (${formatAge(Date.now() - outcome.db.updatedAt.getTime())} ago)` : ''}`,
        '',
        markdownTable([...SEVERITIES].reverse(), [
            [...SEVERITIES].reverse().map(s => outcome.counts[s])
        ]),
        ''
    ];
    const findings = sortFindings(outcome.findings);
    if (findings.length > 0 && inputs.summaryRows > 0) {
        const rows = findings
            .slice(0, inputs.summaryRows)
            .map(f => [
            f.severity,
            subjectOf(f),
            f.url ? `[${f.id}](${f.url})` : f.id,
            f.installed,
            f.fixed,
            f.title
        ]);
        lines.push(markdownTable(['Severity', 'Package or file', 'ID', 'Installed', 'Fixed', 'Title'], rows), '');
        if (findings.length > inputs.summaryRows) {
            lines.push(`… and ${findings.length - inputs.summaryRows} more findings: see the JSON report.`, '');
        }
    }
    else if (findings.length === 0) {
        lines.push('No findings.', '');
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./actions/scan/src/index.ts


void run(main);

