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
function commands_warning(message, properties) {
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
class errors_InputError extends Error {
    input;
    constructor(input, value, accepted) {
        super(`Invalid input "${input}": ${JSON.stringify(value)}. Expected ${accepted}.`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** A tool that ran and failed; the message carries the tool's own last words. */
class ToolError extends Error {
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
        commands_warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/** Sets an output with credentials redacted. */
function summary_setOutput(name, value) {
    setOutput(name, redact(String(value)));
}

;// CONCATENATED MODULE: ./src/kube/names.ts

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A Helm release name: a DNS-1123 subdomain of at most 53 characters (Helm's own limit). */
function validateReleaseName(value, input = 'release') {
    if (value.length > 53 || !DNS_SUBDOMAIN.test(value)) {
        throw new errors_InputError(input, value, 'a Helm release name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 53 characters');
    }
    return value;
}
/** A namespace name: a DNS-1123 label of at most 63 characters. */
function validateNamespace(value, input = 'namespace') {
    if (value.length > 63 || !DNS_LABEL.test(value)) {
        throw new errors_InputError(input, value, 'a namespace name (DNS-1123 label): lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters');
    }
    return value;
}
/** An object name: a DNS-1123 subdomain of at most 253 characters. */
function validateObjectName(value, input) {
    if (value.length > 253 || !DNS_SUBDOMAIN.test(value)) {
        throw new InputError(input, value, 'a Kubernetes object name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters');
    }
    return value;
}

;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
}
var jsYaml = {};
var loader = {};
var common = {};
var hasRequiredCommon;
function requireCommon() {
  if (hasRequiredCommon) return common;
  hasRequiredCommon = 1;
  function isNothing(subject) {
    return typeof subject === "undefined" || subject === null;
  }
  function isObject(subject) {
    return typeof subject === "object" && subject !== null;
  }
  function toArray(sequence) {
    if (Array.isArray(sequence)) return sequence;
    else if (isNothing(sequence)) return [];
    return [sequence];
  }
  function extend(target, source) {
    if (source) {
      const sourceKeys = Object.keys(source);
      for (let index = 0, length = sourceKeys.length; index < length; index += 1) {
        const key = sourceKeys[index];
        target[key] = source[key];
      }
    }
    return target;
  }
  function repeat(string, count) {
    let result = "";
    for (let cycle = 0; cycle < count; cycle += 1) {
      result += string;
    }
    return result;
  }
  function isNegativeZero(number) {
    return number === 0 && Number.NEGATIVE_INFINITY === 1 / number;
  }
  common.isNothing = isNothing;
  common.isObject = isObject;
  common.toArray = toArray;
  common.repeat = repeat;
  common.isNegativeZero = isNegativeZero;
  common.extend = extend;
  return common;
}
var exception;
var hasRequiredException;
function requireException() {
  if (hasRequiredException) return exception;
  hasRequiredException = 1;
  function formatError(exception2, compact) {
    let where = "";
    const message = exception2.reason || "(unknown reason)";
    if (!exception2.mark) return message;
    if (exception2.mark.name) {
      where += 'in "' + exception2.mark.name + '" ';
    }
    where += "(" + (exception2.mark.line + 1) + ":" + (exception2.mark.column + 1) + ")";
    if (!compact && exception2.mark.snippet) {
      where += "\n\n" + exception2.mark.snippet;
    }
    return message + " " + where;
  }
  function YAMLException2(reason, mark) {
    Error.call(this);
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    } else {
      this.stack = new Error().stack || "";
    }
  }
  YAMLException2.prototype = Object.create(Error.prototype);
  YAMLException2.prototype.constructor = YAMLException2;
  YAMLException2.prototype.toString = function toString(compact) {
    return this.name + ": " + formatError(this, compact);
  };
  exception = YAMLException2;
  return exception;
}
var snippet;
var hasRequiredSnippet;
function requireSnippet() {
  if (hasRequiredSnippet) return snippet;
  hasRequiredSnippet = 1;
  const common2 = requireCommon();
  function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
    let head = "";
    let tail = "";
    const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
    if (position - lineStart > maxHalfLength) {
      head = " ... ";
      lineStart = position - maxHalfLength + head.length;
    }
    if (lineEnd - position > maxHalfLength) {
      tail = " ...";
      lineEnd = position + maxHalfLength - tail.length;
    }
    return {
      str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
      pos: position - lineStart + head.length
      // relative position
    };
  }
  function padStart(string, max) {
    return common2.repeat(" ", max - string.length) + string;
  }
  function makeSnippet(mark, options) {
    options = Object.create(options || null);
    if (!mark.buffer) return null;
    if (!options.maxLength) options.maxLength = 79;
    if (typeof options.indent !== "number") options.indent = 1;
    if (typeof options.linesBefore !== "number") options.linesBefore = 3;
    if (typeof options.linesAfter !== "number") options.linesAfter = 2;
    const re = /\r?\n|\r|\0/g;
    const lineStarts = [0];
    const lineEnds = [];
    let match;
    let foundLineNo = -1;
    while (match = re.exec(mark.buffer)) {
      lineEnds.push(match.index);
      lineStarts.push(match.index + match[0].length);
      if (mark.position <= match.index && foundLineNo < 0) {
        foundLineNo = lineStarts.length - 2;
      }
    }
    if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
    let result = "";
    const lineNoLength = Math.min(mark.line + options.linesAfter, lineEnds.length).toString().length;
    const maxLineLength = options.maxLength - (options.indent + lineNoLength + 3);
    for (let i = 1; i <= options.linesBefore; i++) {
      if (foundLineNo - i < 0) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo - i],
        lineEnds[foundLineNo - i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]),
        maxLineLength
      );
      result = common2.repeat(" ", options.indent) + padStart((mark.line - i + 1).toString(), lineNoLength) + " | " + line2.str + "\n" + result;
    }
    const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
    result += common2.repeat(" ", options.indent) + padStart((mark.line + 1).toString(), lineNoLength) + " | " + line.str + "\n";
    result += common2.repeat("-", options.indent + lineNoLength + 3 + line.pos) + "^\n";
    for (let i = 1; i <= options.linesAfter; i++) {
      if (foundLineNo + i >= lineEnds.length) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo + i],
        lineEnds[foundLineNo + i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]),
        maxLineLength
      );
      result += common2.repeat(" ", options.indent) + padStart((mark.line + i + 1).toString(), lineNoLength) + " | " + line2.str + "\n";
    }
    return result.replace(/\n$/, "");
  }
  snippet = makeSnippet;
  return snippet;
}
var type;
var hasRequiredType;
function requireType() {
  if (hasRequiredType) return type;
  hasRequiredType = 1;
  const YAMLException2 = requireException();
  const TYPE_CONSTRUCTOR_OPTIONS = [
    "kind",
    "multi",
    "resolve",
    "construct",
    "instanceOf",
    "predicate",
    "represent",
    "representName",
    "defaultStyle",
    "styleAliases"
  ];
  const YAML_NODE_KINDS = [
    "scalar",
    "sequence",
    "mapping"
  ];
  function compileStyleAliases(map2) {
    const result = {};
    if (map2 !== null) {
      Object.keys(map2).forEach(function(style) {
        map2[style].forEach(function(alias) {
          result[String(alias)] = style;
        });
      });
    }
    return result;
  }
  function Type2(tag, options) {
    options = options || {};
    Object.keys(options).forEach(function(name) {
      if (TYPE_CONSTRUCTOR_OPTIONS.indexOf(name) === -1) {
        throw new YAMLException2('Unknown option "' + name + '" is met in definition of "' + tag + '" YAML type.');
      }
    });
    this.options = options;
    this.tag = tag;
    this.kind = options["kind"] || null;
    this.resolve = options["resolve"] || function() {
      return true;
    };
    this.construct = options["construct"] || function(data) {
      return data;
    };
    this.instanceOf = options["instanceOf"] || null;
    this.predicate = options["predicate"] || null;
    this.represent = options["represent"] || null;
    this.representName = options["representName"] || null;
    this.defaultStyle = options["defaultStyle"] || null;
    this.multi = options["multi"] || false;
    this.styleAliases = compileStyleAliases(options["styleAliases"] || null);
    if (YAML_NODE_KINDS.indexOf(this.kind) === -1) {
      throw new YAMLException2('Unknown kind "' + this.kind + '" is specified for "' + tag + '" YAML type.');
    }
  }
  type = Type2;
  return type;
}
var schema;
var hasRequiredSchema;
function requireSchema() {
  if (hasRequiredSchema) return schema;
  hasRequiredSchema = 1;
  const YAMLException2 = requireException();
  const Type2 = requireType();
  function compileList(schema2, name) {
    const result = [];
    schema2[name].forEach(function(currentType) {
      let newIndex = result.length;
      result.forEach(function(previousType, previousIndex) {
        if (previousType.tag === currentType.tag && previousType.kind === currentType.kind && previousType.multi === currentType.multi) {
          newIndex = previousIndex;
        }
      });
      result[newIndex] = currentType;
    });
    return result;
  }
  function compileMap() {
    const result = {
      scalar: {},
      sequence: {},
      mapping: {},
      fallback: {},
      multi: {
        scalar: [],
        sequence: [],
        mapping: [],
        fallback: []
      }
    };
    function collectType(type2) {
      if (type2.multi) {
        result.multi[type2.kind].push(type2);
        result.multi["fallback"].push(type2);
      } else {
        result[type2.kind][type2.tag] = result["fallback"][type2.tag] = type2;
      }
    }
    for (let index = 0, length = arguments.length; index < length; index += 1) {
      arguments[index].forEach(collectType);
    }
    return result;
  }
  function Schema2(definition) {
    return this.extend(definition);
  }
  Schema2.prototype.extend = function extend(definition) {
    let implicit = [];
    let explicit = [];
    if (definition instanceof Type2) {
      explicit.push(definition);
    } else if (Array.isArray(definition)) {
      explicit = explicit.concat(definition);
    } else if (definition && (Array.isArray(definition.implicit) || Array.isArray(definition.explicit))) {
      if (definition.implicit) implicit = implicit.concat(definition.implicit);
      if (definition.explicit) explicit = explicit.concat(definition.explicit);
    } else {
      throw new YAMLException2("Schema.extend argument should be a Type, [ Type ], or a schema definition ({ implicit: [...], explicit: [...] })");
    }
    implicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
      if (type2.loadKind && type2.loadKind !== "scalar") {
        throw new YAMLException2("There is a non-scalar type in the implicit list of a schema. Implicit resolving of such types is not supported.");
      }
      if (type2.multi) {
        throw new YAMLException2("There is a multi type in the implicit list of a schema. Multi tags can only be listed as explicit.");
      }
    });
    explicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
    });
    const result = Object.create(Schema2.prototype);
    result.implicit = (this.implicit || []).concat(implicit);
    result.explicit = (this.explicit || []).concat(explicit);
    result.compiledImplicit = compileList(result, "implicit");
    result.compiledExplicit = compileList(result, "explicit");
    result.compiledTypeMap = compileMap(result.compiledImplicit, result.compiledExplicit);
    return result;
  };
  schema = Schema2;
  return schema;
}
var str;
var hasRequiredStr;
function requireStr() {
  if (hasRequiredStr) return str;
  hasRequiredStr = 1;
  const Type2 = requireType();
  str = new Type2("tag:yaml.org,2002:str", {
    kind: "scalar",
    construct: function(data) {
      return data !== null ? data : "";
    }
  });
  return str;
}
var seq;
var hasRequiredSeq;
function requireSeq() {
  if (hasRequiredSeq) return seq;
  hasRequiredSeq = 1;
  const Type2 = requireType();
  seq = new Type2("tag:yaml.org,2002:seq", {
    kind: "sequence",
    construct: function(data) {
      return data !== null ? data : [];
    }
  });
  return seq;
}
var map;
var hasRequiredMap;
function requireMap() {
  if (hasRequiredMap) return map;
  hasRequiredMap = 1;
  const Type2 = requireType();
  map = new Type2("tag:yaml.org,2002:map", {
    kind: "mapping",
    construct: function(data) {
      return data !== null ? data : {};
    }
  });
  return map;
}
var failsafe;
var hasRequiredFailsafe;
function requireFailsafe() {
  if (hasRequiredFailsafe) return failsafe;
  hasRequiredFailsafe = 1;
  const Schema2 = requireSchema();
  failsafe = new Schema2({
    explicit: [
      requireStr(),
      requireSeq(),
      requireMap()
    ]
  });
  return failsafe;
}
var _null;
var hasRequired_null;
function require_null() {
  if (hasRequired_null) return _null;
  hasRequired_null = 1;
  const Type2 = requireType();
  function resolveYamlNull(data) {
    if (data === null) return true;
    const max = data.length;
    return max === 1 && data === "~" || max === 4 && (data === "null" || data === "Null" || data === "NULL");
  }
  function constructYamlNull() {
    return null;
  }
  function isNull(object) {
    return object === null;
  }
  _null = new Type2("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: resolveYamlNull,
    construct: constructYamlNull,
    predicate: isNull,
    represent: {
      canonical: function() {
        return "~";
      },
      lowercase: function() {
        return "null";
      },
      uppercase: function() {
        return "NULL";
      },
      camelcase: function() {
        return "Null";
      },
      empty: function() {
        return "";
      }
    },
    defaultStyle: "lowercase"
  });
  return _null;
}
var bool;
var hasRequiredBool;
function requireBool() {
  if (hasRequiredBool) return bool;
  hasRequiredBool = 1;
  const Type2 = requireType();
  function resolveYamlBoolean(data) {
    if (data === null) return false;
    const max = data.length;
    return max === 4 && (data === "true" || data === "True" || data === "TRUE") || max === 5 && (data === "false" || data === "False" || data === "FALSE");
  }
  function constructYamlBoolean(data) {
    return data === "true" || data === "True" || data === "TRUE";
  }
  function isBoolean(object) {
    return Object.prototype.toString.call(object) === "[object Boolean]";
  }
  bool = new Type2("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: resolveYamlBoolean,
    construct: constructYamlBoolean,
    predicate: isBoolean,
    represent: {
      lowercase: function(object) {
        return object ? "true" : "false";
      },
      uppercase: function(object) {
        return object ? "TRUE" : "FALSE";
      },
      camelcase: function(object) {
        return object ? "True" : "False";
      }
    },
    defaultStyle: "lowercase"
  });
  return bool;
}
var js_yaml_int;
var hasRequiredInt;
function requireInt() {
  if (hasRequiredInt) return js_yaml_int;
  hasRequiredInt = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  function isHexCode(c) {
    return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
  }
  function isOctCode(c) {
    return c >= 48 && c <= 55;
  }
  function isDecCode(c) {
    return c >= 48 && c <= 57;
  }
  function resolveYamlInteger(data) {
    if (data === null) return false;
    const max = data.length;
    let index = 0;
    let hasDigits = false;
    if (!max) return false;
    let ch = data[index];
    if (ch === "-" || ch === "+") {
      ch = data[++index];
    }
    if (ch === "0") {
      if (index + 1 === max) return true;
      ch = data[++index];
      if (ch === "b") {
        index++;
        for (; index < max; index++) {
          ch = data[index];
          if (ch !== "0" && ch !== "1") return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "x") {
        index++;
        for (; index < max; index++) {
          if (!isHexCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "o") {
        index++;
        for (; index < max; index++) {
          if (!isOctCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
    }
    for (; index < max; index++) {
      if (!isDecCode(data.charCodeAt(index))) {
        return false;
      }
      hasDigits = true;
    }
    if (!hasDigits) return false;
    return isFinite(parseYamlInteger(data));
  }
  function parseYamlInteger(data) {
    let value = data;
    let sign = 1;
    let ch = value[0];
    if (ch === "-" || ch === "+") {
      if (ch === "-") sign = -1;
      value = value.slice(1);
      ch = value[0];
    }
    if (value === "0") return 0;
    if (ch === "0") {
      if (value[1] === "b") return sign * parseInt(value.slice(2), 2);
      if (value[1] === "x") return sign * parseInt(value.slice(2), 16);
      if (value[1] === "o") return sign * parseInt(value.slice(2), 8);
    }
    return sign * parseInt(value, 10);
  }
  function constructYamlInteger(data) {
    return parseYamlInteger(data);
  }
  function isInteger(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 === 0 && !common2.isNegativeZero(object));
  }
  js_yaml_int = new Type2("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: resolveYamlInteger,
    construct: constructYamlInteger,
    predicate: isInteger,
    represent: {
      binary: function(obj) {
        return obj >= 0 ? "0b" + obj.toString(2) : "-0b" + obj.toString(2).slice(1);
      },
      octal: function(obj) {
        return obj >= 0 ? "0o" + obj.toString(8) : "-0o" + obj.toString(8).slice(1);
      },
      decimal: function(obj) {
        return obj.toString(10);
      },
      hexadecimal: function(obj) {
        return obj >= 0 ? "0x" + obj.toString(16).toUpperCase() : "-0x" + obj.toString(16).toUpperCase().slice(1);
      }
    },
    defaultStyle: "decimal",
    styleAliases: {
      binary: [2, "bin"],
      octal: [8, "oct"],
      decimal: [10, "dec"],
      hexadecimal: [16, "hex"]
    }
  });
  return js_yaml_int;
}
var js_yaml_float;
var hasRequiredFloat;
function requireFloat() {
  if (hasRequiredFloat) return js_yaml_float;
  hasRequiredFloat = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  const YAML_FLOAT_PATTERN = new RegExp(
    // 2.5e4, 2.5 and integers
    "^(?:[-+]?(?:[0-9]+)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  const YAML_FLOAT_SPECIAL_PATTERN = new RegExp(
    "^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  function resolveYamlFloat(data) {
    if (data === null) return false;
    if (!YAML_FLOAT_PATTERN.test(data)) {
      return false;
    }
    if (isFinite(parseFloat(data, 10))) {
      return true;
    }
    return YAML_FLOAT_SPECIAL_PATTERN.test(data);
  }
  function constructYamlFloat(data) {
    let value = data.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".indexOf(value[0]) >= 0) {
      value = value.slice(1);
    }
    if (value === ".inf") {
      return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    } else if (value === ".nan") {
      return NaN;
    }
    return sign * parseFloat(value, 10);
  }
  const SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;
  function representYamlFloat(object, style) {
    if (isNaN(object)) {
      switch (style) {
        case "lowercase":
          return ".nan";
        case "uppercase":
          return ".NAN";
        case "camelcase":
          return ".NaN";
      }
    } else if (Number.POSITIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return ".inf";
        case "uppercase":
          return ".INF";
        case "camelcase":
          return ".Inf";
      }
    } else if (Number.NEGATIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return "-.inf";
        case "uppercase":
          return "-.INF";
        case "camelcase":
          return "-.Inf";
      }
    } else if (common2.isNegativeZero(object)) {
      return "-0.0";
    }
    const res = object.toString(10);
    return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace("e", ".e") : res;
  }
  function isFloat(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 !== 0 || common2.isNegativeZero(object));
  }
  js_yaml_float = new Type2("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: resolveYamlFloat,
    construct: constructYamlFloat,
    predicate: isFloat,
    represent: representYamlFloat,
    defaultStyle: "lowercase"
  });
  return js_yaml_float;
}
var json;
var hasRequiredJson;
function requireJson() {
  if (hasRequiredJson) return json;
  hasRequiredJson = 1;
  json = requireFailsafe().extend({
    implicit: [
      require_null(),
      requireBool(),
      requireInt(),
      requireFloat()
    ]
  });
  return json;
}
var js_yaml_core;
var hasRequiredCore;
function requireCore() {
  if (hasRequiredCore) return js_yaml_core;
  hasRequiredCore = 1;
  js_yaml_core = requireJson();
  return js_yaml_core;
}
var timestamp;
var hasRequiredTimestamp;
function requireTimestamp() {
  if (hasRequiredTimestamp) return timestamp;
  hasRequiredTimestamp = 1;
  const Type2 = requireType();
  const YAML_DATE_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$"
  );
  const YAML_TIMESTAMP_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$"
  );
  function resolveYamlTimestamp(data) {
    if (data === null) return false;
    if (YAML_DATE_REGEXP.exec(data) !== null) return true;
    if (YAML_TIMESTAMP_REGEXP.exec(data) !== null) return true;
    return false;
  }
  function constructYamlTimestamp(data) {
    let fraction = 0;
    let delta = null;
    let match = YAML_DATE_REGEXP.exec(data);
    if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(data);
    if (match === null) throw new Error("Date resolve error");
    const year = +match[1];
    const month = +match[2] - 1;
    const day = +match[3];
    if (!match[4]) {
      return new Date(Date.UTC(year, month, day));
    }
    const hour = +match[4];
    const minute = +match[5];
    const second = +match[6];
    if (match[7]) {
      fraction = match[7].slice(0, 3);
      while (fraction.length < 3) {
        fraction += "0";
      }
      fraction = +fraction;
    }
    if (match[9]) {
      const tzHour = +match[10];
      const tzMinute = +(match[11] || 0);
      delta = (tzHour * 60 + tzMinute) * 6e4;
      if (match[9] === "-") delta = -delta;
    }
    const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
    if (delta) date.setTime(date.getTime() - delta);
    return date;
  }
  function representYamlTimestamp(object) {
    return object.toISOString();
  }
  timestamp = new Type2("tag:yaml.org,2002:timestamp", {
    kind: "scalar",
    resolve: resolveYamlTimestamp,
    construct: constructYamlTimestamp,
    instanceOf: Date,
    represent: representYamlTimestamp
  });
  return timestamp;
}
var merge;
var hasRequiredMerge;
function requireMerge() {
  if (hasRequiredMerge) return merge;
  hasRequiredMerge = 1;
  const Type2 = requireType();
  function resolveYamlMerge(data) {
    return data === "<<" || data === null;
  }
  merge = new Type2("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: resolveYamlMerge
  });
  return merge;
}
var binary;
var hasRequiredBinary;
function requireBinary() {
  if (hasRequiredBinary) return binary;
  hasRequiredBinary = 1;
  const Type2 = requireType();
  const BASE64_MAP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r";
  function resolveYamlBinary(data) {
    if (data === null) return false;
    let bitlen = 0;
    const max = data.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      const code = map2.indexOf(data.charAt(idx));
      if (code > 64) continue;
      if (code < 0) return false;
      bitlen += 6;
    }
    return bitlen % 8 === 0;
  }
  function constructYamlBinary(data) {
    const input = data.replace(/[\r\n=]/g, "");
    const max = input.length;
    const map2 = BASE64_MAP;
    let bits = 0;
    const result = [];
    for (let idx = 0; idx < max; idx++) {
      if (idx % 4 === 0 && idx) {
        result.push(bits >> 16 & 255);
        result.push(bits >> 8 & 255);
        result.push(bits & 255);
      }
      bits = bits << 6 | map2.indexOf(input.charAt(idx));
    }
    const tailbits = max % 4 * 6;
    if (tailbits === 0) {
      result.push(bits >> 16 & 255);
      result.push(bits >> 8 & 255);
      result.push(bits & 255);
    } else if (tailbits === 18) {
      result.push(bits >> 10 & 255);
      result.push(bits >> 2 & 255);
    } else if (tailbits === 12) {
      result.push(bits >> 4 & 255);
    }
    return new Uint8Array(result);
  }
  function representYamlBinary(object) {
    let result = "";
    let bits = 0;
    const max = object.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      if (idx % 3 === 0 && idx) {
        result += map2[bits >> 18 & 63];
        result += map2[bits >> 12 & 63];
        result += map2[bits >> 6 & 63];
        result += map2[bits & 63];
      }
      bits = (bits << 8) + object[idx];
    }
    const tail = max % 3;
    if (tail === 0) {
      result += map2[bits >> 18 & 63];
      result += map2[bits >> 12 & 63];
      result += map2[bits >> 6 & 63];
      result += map2[bits & 63];
    } else if (tail === 2) {
      result += map2[bits >> 10 & 63];
      result += map2[bits >> 4 & 63];
      result += map2[bits << 2 & 63];
      result += map2[64];
    } else if (tail === 1) {
      result += map2[bits >> 2 & 63];
      result += map2[bits << 4 & 63];
      result += map2[64];
      result += map2[64];
    }
    return result;
  }
  function isBinary(obj) {
    return Object.prototype.toString.call(obj) === "[object Uint8Array]";
  }
  binary = new Type2("tag:yaml.org,2002:binary", {
    kind: "scalar",
    resolve: resolveYamlBinary,
    construct: constructYamlBinary,
    predicate: isBinary,
    represent: representYamlBinary
  });
  return binary;
}
var omap;
var hasRequiredOmap;
function requireOmap() {
  if (hasRequiredOmap) return omap;
  hasRequiredOmap = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const _toString = Object.prototype.toString;
  function resolveYamlOmap(data) {
    if (data === null) return true;
    const objectKeys = {};
    const object = data;
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      let pairHasKey = false;
      if (_toString.call(pair) !== "[object Object]") return false;
      let pairKey;
      for (pairKey in pair) {
        if (_hasOwnProperty.call(pair, pairKey)) {
          if (!pairHasKey) pairHasKey = true;
          else return false;
        }
      }
      if (!pairHasKey) return false;
      if (_hasOwnProperty.call(objectKeys, pairKey)) return false;
      Object.defineProperty(objectKeys, pairKey, { value: true });
    }
    return true;
  }
  function constructYamlOmap(data) {
    return data !== null ? data : [];
  }
  omap = new Type2("tag:yaml.org,2002:omap", {
    kind: "sequence",
    resolve: resolveYamlOmap,
    construct: constructYamlOmap
  });
  return omap;
}
var pairs;
var hasRequiredPairs;
function requirePairs() {
  if (hasRequiredPairs) return pairs;
  hasRequiredPairs = 1;
  const Type2 = requireType();
  const _toString = Object.prototype.toString;
  function resolveYamlPairs(data) {
    if (data === null) return true;
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      if (_toString.call(pair) !== "[object Object]") return false;
      const keys = Object.keys(pair);
      if (keys.length !== 1) return false;
      result[index] = [keys[0], pair[keys[0]]];
    }
    return true;
  }
  function constructYamlPairs(data) {
    if (data === null) return [];
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      const keys = Object.keys(pair);
      result[index] = [keys[0], pair[keys[0]]];
    }
    return result;
  }
  pairs = new Type2("tag:yaml.org,2002:pairs", {
    kind: "sequence",
    resolve: resolveYamlPairs,
    construct: constructYamlPairs
  });
  return pairs;
}
var set;
var hasRequiredSet;
function requireSet() {
  if (hasRequiredSet) return set;
  hasRequiredSet = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  function resolveYamlSet(data) {
    if (data === null) return true;
    const object = data;
    for (const key in object) {
      if (_hasOwnProperty.call(object, key)) {
        if (object[key] !== null) return false;
      }
    }
    return true;
  }
  function constructYamlSet(data) {
    return data !== null ? data : {};
  }
  set = new Type2("tag:yaml.org,2002:set", {
    kind: "mapping",
    resolve: resolveYamlSet,
    construct: constructYamlSet
  });
  return set;
}
var _default;
var hasRequired_default;
function require_default() {
  if (hasRequired_default) return _default;
  hasRequired_default = 1;
  _default = requireCore().extend({
    implicit: [
      requireTimestamp(),
      requireMerge()
    ],
    explicit: [
      requireBinary(),
      requireOmap(),
      requirePairs(),
      requireSet()
    ]
  });
  return _default;
}
var hasRequiredLoader;
function requireLoader() {
  if (hasRequiredLoader) return loader;
  hasRequiredLoader = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const makeSnippet = requireSnippet();
  const DEFAULT_SCHEMA2 = require_default();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CONTEXT_FLOW_IN = 1;
  const CONTEXT_FLOW_OUT = 2;
  const CONTEXT_BLOCK_IN = 3;
  const CONTEXT_BLOCK_OUT = 4;
  const CHOMPING_CLIP = 1;
  const CHOMPING_STRIP = 2;
  const CHOMPING_KEEP = 3;
  const PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
  const PATTERN_NON_ASCII_LINE_BREAKS = /[\x85\u2028\u2029]/;
  const PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
  const PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
  const PATTERN_TAG_URI = /^(?:!|[^,\[\]{}])(?:%[0-9a-f]{2}|[0-9a-z\-#;/?:@&=+$,_.!~*'()\[\]])*$/i;
  function _class(obj) {
    return Object.prototype.toString.call(obj);
  }
  function isEol(c) {
    return c === 10 || c === 13;
  }
  function isWhiteSpace(c) {
    return c === 9 || c === 32;
  }
  function isWsOrEol(c) {
    return c === 9 || c === 32 || c === 10 || c === 13;
  }
  function isFlowIndicator(c) {
    return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
  }
  function fromHexCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    const lc = c | 32;
    if (lc >= 97 && lc <= 102) {
      return lc - 97 + 10;
    }
    return -1;
  }
  function escapedHexLen(c) {
    if (c === 120) {
      return 2;
    }
    if (c === 117) {
      return 4;
    }
    if (c === 85) {
      return 8;
    }
    return 0;
  }
  function fromDecimalCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    return -1;
  }
  function simpleEscapeSequence(c) {
    switch (c) {
      case 48:
        return "\0";
      case 97:
        return "\x07";
      case 98:
        return "\b";
      case 116:
        return "	";
      case 9:
        return "	";
      case 110:
        return "\n";
      case 118:
        return "\v";
      case 102:
        return "\f";
      case 114:
        return "\r";
      case 101:
        return "\x1B";
      case 32:
        return " ";
      case 34:
        return '"';
      case 47:
        return "/";
      case 92:
        return "\\";
      case 78:
        return "";
      case 95:
        return " ";
      case 76:
        return "\u2028";
      case 80:
        return "\u2029";
      default:
        return "";
    }
  }
  function charFromCodepoint(c) {
    if (c <= 65535) {
      return String.fromCharCode(c);
    }
    return String.fromCharCode(
      (c - 65536 >> 10) + 55296,
      (c - 65536 & 1023) + 56320
    );
  }
  function setProperty(object, key, value) {
    if (key === "__proto__") {
      Object.defineProperty(object, key, {
        configurable: true,
        enumerable: true,
        writable: true,
        value
      });
    } else {
      object[key] = value;
    }
  }
  const simpleEscapeCheck = new Array(256);
  const simpleEscapeMap = new Array(256);
  for (let i = 0; i < 256; i++) {
    simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
    simpleEscapeMap[i] = simpleEscapeSequence(i);
  }
  function State(input, options) {
    this.input = input;
    this.filename = options["filename"] || null;
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.onWarning = options["onWarning"] || null;
    this.legacy = options["legacy"] || false;
    this.json = options["json"] || false;
    this.listener = options["listener"] || null;
    this.maxDepth = typeof options["maxDepth"] === "number" ? options["maxDepth"] : 100;
    this.maxTotalMergeKeys = typeof options["maxTotalMergeKeys"] === "number" ? options["maxTotalMergeKeys"] : 1e4;
    this.implicitTypes = this.schema.compiledImplicit;
    this.typeMap = this.schema.compiledTypeMap;
    this.length = input.length;
    this.position = 0;
    this.line = 0;
    this.lineStart = 0;
    this.lineIndent = 0;
    this.depth = 0;
    this.totalMergeKeys = 0;
    this.firstTabInLine = -1;
    this.documents = [];
    this.anchorMapTransactions = [];
  }
  function generateError(state, message) {
    const mark = {
      name: state.filename,
      buffer: state.input.slice(0, -1),
      // omit trailing \0
      position: state.position,
      line: state.line,
      column: state.position - state.lineStart
    };
    mark.snippet = makeSnippet(mark);
    return new YAMLException2(message, mark);
  }
  function throwError(state, message) {
    throw generateError(state, message);
  }
  function throwWarning(state, message) {
    if (state.onWarning) {
      state.onWarning.call(null, generateError(state, message));
    }
  }
  function storeAnchor(state, name, value) {
    const transactions = state.anchorMapTransactions;
    if (transactions.length !== 0) {
      const transaction = transactions[transactions.length - 1];
      if (!_hasOwnProperty.call(transaction, name)) {
        transaction[name] = {
          existed: _hasOwnProperty.call(state.anchorMap, name),
          value: state.anchorMap[name]
        };
      }
    }
    state.anchorMap[name] = value;
  }
  function beginAnchorTransaction(state) {
    state.anchorMapTransactions.push(/* @__PURE__ */ Object.create(null));
  }
  function commitAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const transactions = state.anchorMapTransactions;
    if (transactions.length === 0) return;
    const parent = transactions[transactions.length - 1];
    const names = Object.keys(transaction);
    for (let index = 0, length = names.length; index < length; index += 1) {
      const name = names[index];
      if (!_hasOwnProperty.call(parent, name)) {
        parent[name] = transaction[name];
      }
    }
  }
  function rollbackAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const names = Object.keys(transaction);
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const entry = transaction[names[index]];
      if (entry.existed) {
        state.anchorMap[names[index]] = entry.value;
      } else {
        delete state.anchorMap[names[index]];
      }
    }
  }
  function snapshotState(state) {
    return {
      position: state.position,
      line: state.line,
      lineStart: state.lineStart,
      lineIndent: state.lineIndent,
      firstTabInLine: state.firstTabInLine,
      tag: state.tag,
      anchor: state.anchor,
      kind: state.kind,
      result: state.result
    };
  }
  function restoreState(state, snapshot) {
    state.position = snapshot.position;
    state.line = snapshot.line;
    state.lineStart = snapshot.lineStart;
    state.lineIndent = snapshot.lineIndent;
    state.firstTabInLine = snapshot.firstTabInLine;
    state.tag = snapshot.tag;
    state.anchor = snapshot.anchor;
    state.kind = snapshot.kind;
    state.result = snapshot.result;
  }
  const directiveHandlers = {
    YAML: function handleYamlDirective(state, name, args) {
      if (state.version !== null) {
        throwError(state, "duplication of %YAML directive");
      }
      if (args.length !== 1) {
        throwError(state, "YAML directive accepts exactly one argument");
      }
      const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
      if (match === null) {
        throwError(state, "ill-formed argument of the YAML directive");
      }
      const major = parseInt(match[1], 10);
      const minor = parseInt(match[2], 10);
      if (major !== 1) {
        throwError(state, "unacceptable YAML version of the document");
      }
      state.version = args[0];
      state.checkLineBreaks = minor < 2;
      if (minor !== 1 && minor !== 2) {
        throwWarning(state, "unsupported YAML version of the document");
      }
    },
    TAG: function handleTagDirective(state, name, args) {
      let prefix;
      if (args.length !== 2) {
        throwError(state, "TAG directive accepts exactly two arguments");
      }
      const handle = args[0];
      prefix = args[1];
      if (!PATTERN_TAG_HANDLE.test(handle)) {
        throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
      }
      if (_hasOwnProperty.call(state.tagMap, handle)) {
        throwError(state, 'there is a previously declared suffix for "' + handle + '" tag handle');
      }
      if (!PATTERN_TAG_URI.test(prefix)) {
        throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
      }
      try {
        prefix = decodeURIComponent(prefix);
      } catch (err) {
        throwError(state, "tag prefix is malformed: " + prefix);
      }
      state.tagMap[handle] = prefix;
    }
  };
  function captureSegment(state, start, end, checkJson) {
    if (start < end) {
      const _result = state.input.slice(start, end);
      if (checkJson) {
        for (let _position = 0, _length = _result.length; _position < _length; _position += 1) {
          const _character = _result.charCodeAt(_position);
          if (!(_character === 9 || _character >= 32 && _character <= 1114111)) {
            throwError(state, "expected valid JSON character");
          }
        }
      } else if (PATTERN_NON_PRINTABLE.test(_result)) {
        throwError(state, "the stream contains non-printable characters");
      }
      state.result += _result;
    }
  }
  function chargeMergeWork(state) {
    state.totalMergeKeys++;
    if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) {
      throwError(state, "merge keys exceeded maxTotalMergeKeys (" + state.maxTotalMergeKeys + ")");
    }
  }
  function mergeMappings(state, destination, source, overridableKeys) {
    if (!common2.isObject(source)) {
      throwError(state, "cannot merge mappings; the provided source object is unacceptable");
    }
    chargeMergeWork(state);
    const sourceKeys = Object.keys(source);
    for (let index = 0, quantity = sourceKeys.length; index < quantity; index += 1) {
      const key = sourceKeys[index];
      chargeMergeWork(state);
      if (!_hasOwnProperty.call(destination, key)) {
        setProperty(destination, key, source[key]);
        overridableKeys[key] = true;
      }
    }
  }
  function storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, startLine, startLineStart, startPos) {
    if (Array.isArray(keyNode)) {
      keyNode = Array.prototype.slice.call(keyNode);
      for (let index = 0, quantity = keyNode.length; index < quantity; index += 1) {
        if (Array.isArray(keyNode[index])) {
          throwError(state, "nested arrays are not supported inside keys");
        }
        if (typeof keyNode === "object" && _class(keyNode[index]) === "[object Object]") {
          keyNode[index] = "[object Object]";
        }
      }
    }
    if (typeof keyNode === "object" && _class(keyNode) === "[object Object]") {
      keyNode = "[object Object]";
    }
    keyNode = String(keyNode);
    if (_result === null) {
      _result = {};
    }
    if (keyTag === "tag:yaml.org,2002:merge") {
      if (Array.isArray(valueNode)) {
        if (valueNode.length > 100) {
          throwError(state, "abnormal merge sequence size");
        }
        for (let index = 0, quantity = valueNode.length; index < quantity; index += 1) {
          mergeMappings(state, _result, valueNode[index], overridableKeys);
        }
      } else {
        mergeMappings(state, _result, valueNode, overridableKeys);
      }
    } else {
      if (!state.json && !_hasOwnProperty.call(overridableKeys, keyNode) && _hasOwnProperty.call(_result, keyNode)) {
        state.line = startLine || state.line;
        state.lineStart = startLineStart || state.lineStart;
        state.position = startPos || state.position;
        throwError(state, "duplicated mapping key");
      }
      setProperty(_result, keyNode, valueNode);
      delete overridableKeys[keyNode];
    }
    return _result;
  }
  function readLineBreak(state) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 10) {
      state.position++;
    } else if (ch === 13) {
      state.position++;
      if (state.input.charCodeAt(state.position) === 10) {
        state.position++;
      }
    } else {
      throwError(state, "a line break is expected");
    }
    state.line += 1;
    state.lineStart = state.position;
    state.firstTabInLine = -1;
  }
  function skipSeparationSpace(state, allowComments, checkIndent) {
    let lineBreaks = 0;
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      while (isWhiteSpace(ch)) {
        if (ch === 9 && state.firstTabInLine === -1) {
          state.firstTabInLine = state.position;
        }
        ch = state.input.charCodeAt(++state.position);
      }
      if (allowComments && ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (ch !== 10 && ch !== 13 && ch !== 0);
      }
      if (isEol(ch)) {
        readLineBreak(state);
        ch = state.input.charCodeAt(state.position);
        lineBreaks++;
        state.lineIndent = 0;
        while (ch === 32) {
          state.lineIndent++;
          ch = state.input.charCodeAt(++state.position);
        }
      } else {
        break;
      }
    }
    if (checkIndent !== -1 && lineBreaks !== 0 && state.lineIndent < checkIndent) {
      throwWarning(state, "deficient indentation");
    }
    return lineBreaks;
  }
  function testDocumentSeparator(state) {
    let _position = state.position;
    let ch = state.input.charCodeAt(_position);
    if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(_position + 1) && ch === state.input.charCodeAt(_position + 2)) {
      _position += 3;
      ch = state.input.charCodeAt(_position);
      if (ch === 0 || isWsOrEol(ch)) {
        return true;
      }
    }
    return false;
  }
  function writeFoldedLines(state, count) {
    if (count === 1) {
      state.result += " ";
    } else if (count > 1) {
      state.result += common2.repeat("\n", count - 1);
    }
  }
  function readPlainScalar(state, nodeIndent, withinFlowCollection) {
    let captureStart;
    let captureEnd;
    let hasPendingContent;
    let _line;
    let _lineStart;
    let _lineIndent;
    const _kind = state.kind;
    const _result = state.result;
    let ch = state.input.charCodeAt(state.position);
    if (isWsOrEol(ch) || isFlowIndicator(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96) {
      return false;
    }
    if (ch === 63 || ch === 45) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
        return false;
      }
    }
    state.kind = "scalar";
    state.result = "";
    captureStart = captureEnd = state.position;
    hasPendingContent = false;
    while (ch !== 0) {
      if (ch === 58) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
          break;
        }
      } else if (ch === 35) {
        const preceding = state.input.charCodeAt(state.position - 1);
        if (isWsOrEol(preceding)) {
          break;
        }
      } else if (state.position === state.lineStart && testDocumentSeparator(state) || withinFlowCollection && isFlowIndicator(ch)) {
        break;
      } else if (isEol(ch)) {
        _line = state.line;
        _lineStart = state.lineStart;
        _lineIndent = state.lineIndent;
        skipSeparationSpace(state, false, -1);
        if (state.lineIndent >= nodeIndent) {
          hasPendingContent = true;
          ch = state.input.charCodeAt(state.position);
          continue;
        } else {
          state.position = captureEnd;
          state.line = _line;
          state.lineStart = _lineStart;
          state.lineIndent = _lineIndent;
          break;
        }
      }
      if (hasPendingContent) {
        captureSegment(state, captureStart, captureEnd, false);
        writeFoldedLines(state, state.line - _line);
        captureStart = captureEnd = state.position;
        hasPendingContent = false;
      }
      if (!isWhiteSpace(ch)) {
        captureEnd = state.position + 1;
      }
      ch = state.input.charCodeAt(++state.position);
    }
    captureSegment(state, captureStart, captureEnd, false);
    if (state.result) {
      return true;
    }
    state.kind = _kind;
    state.result = _result;
    return false;
  }
  function readSingleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 39) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 39) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (ch === 39) {
          captureStart = state.position;
          state.position++;
          captureEnd = state.position;
        } else {
          return true;
        }
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a single quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a single quoted scalar");
  }
  function readDoubleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 34) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 34) {
        captureSegment(state, captureStart, state.position, true);
        state.position++;
        return true;
      } else if (ch === 92) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (isEol(ch)) {
          skipSeparationSpace(state, false, nodeIndent);
        } else if (ch < 256 && simpleEscapeCheck[ch]) {
          state.result += simpleEscapeMap[ch];
          state.position++;
        } else if ((tmp = escapedHexLen(ch)) > 0) {
          let hexLength = tmp;
          let hexResult = 0;
          for (; hexLength > 0; hexLength--) {
            ch = state.input.charCodeAt(++state.position);
            if ((tmp = fromHexCode(ch)) >= 0) {
              hexResult = (hexResult << 4) + tmp;
            } else {
              throwError(state, "expected hexadecimal character");
            }
          }
          state.result += charFromCodepoint(hexResult);
          state.position++;
        } else {
          throwError(state, "unknown escape sequence");
        }
        captureStart = captureEnd = state.position;
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a double quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a double quoted scalar");
  }
  function readFlowCollection(state, nodeIndent) {
    let readNext = true;
    let _line;
    let _lineStart;
    let _pos;
    const _tag = state.tag;
    let _result;
    const _anchor = state.anchor;
    let terminator;
    let isPair;
    let isExplicitPair;
    let isMapping;
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyNode;
    let keyTag;
    let valueNode;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 91) {
      terminator = 93;
      isMapping = false;
      _result = [];
    } else if (ch === 123) {
      terminator = 125;
      isMapping = true;
      _result = {};
    } else {
      return false;
    }
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    ch = state.input.charCodeAt(++state.position);
    while (ch !== 0) {
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === terminator) {
        state.position++;
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = isMapping ? "mapping" : "sequence";
        state.result = _result;
        return true;
      } else if (!readNext) {
        throwError(state, "missed comma between flow collection entries");
      } else if (ch === 44) {
        throwError(state, "expected the node content, but found ','");
      }
      keyTag = keyNode = valueNode = null;
      isPair = isExplicitPair = false;
      if (ch === 63) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following)) {
          isPair = isExplicitPair = true;
          state.position++;
          skipSeparationSpace(state, true, nodeIndent);
        }
      }
      _line = state.line;
      _lineStart = state.lineStart;
      _pos = state.position;
      composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
      keyTag = state.tag;
      keyNode = state.result;
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if ((isExplicitPair || state.line === _line) && ch === 58) {
        isPair = true;
        ch = state.input.charCodeAt(++state.position);
        skipSeparationSpace(state, true, nodeIndent);
        composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        valueNode = state.result;
      }
      if (isMapping) {
        storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos);
      } else if (isPair) {
        _result.push(storeMappingPair(state, null, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos));
      } else {
        _result.push(keyNode);
      }
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === 44) {
        readNext = true;
        ch = state.input.charCodeAt(++state.position);
      } else {
        readNext = false;
      }
    }
    throwError(state, "unexpected end of the stream within a flow collection");
  }
  function readBlockScalar(state, nodeIndent) {
    let folding;
    let chomping = CHOMPING_CLIP;
    let didReadContent = false;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 124) {
      folding = false;
    } else if (ch === 62) {
      folding = true;
    } else {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    while (ch !== 0) {
      ch = state.input.charCodeAt(++state.position);
      if (ch === 43 || ch === 45) {
        if (CHOMPING_CLIP === chomping) {
          chomping = ch === 43 ? CHOMPING_KEEP : CHOMPING_STRIP;
        } else {
          throwError(state, "repeat of a chomping mode identifier");
        }
      } else if ((tmp = fromDecimalCode(ch)) >= 0) {
        if (tmp === 0) {
          throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
        } else if (!detectedIndent) {
          textIndent = nodeIndent + tmp - 1;
          detectedIndent = true;
        } else {
          throwError(state, "repeat of an indentation width identifier");
        }
      } else {
        break;
      }
    }
    if (isWhiteSpace(ch)) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (isWhiteSpace(ch));
      if (ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (!isEol(ch) && ch !== 0);
      }
    }
    while (ch !== 0) {
      readLineBreak(state);
      state.lineIndent = 0;
      ch = state.input.charCodeAt(state.position);
      while ((!detectedIndent || state.lineIndent < textIndent) && ch === 32) {
        state.lineIndent++;
        ch = state.input.charCodeAt(++state.position);
      }
      if (!detectedIndent && state.lineIndent > textIndent) {
        textIndent = state.lineIndent;
      }
      if (isEol(ch)) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) {
        throwError(state, "missing indentation for block scalar");
      }
      if (state.lineIndent < textIndent) {
        if (chomping === CHOMPING_KEEP) {
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (chomping === CHOMPING_CLIP) {
          if (didReadContent) {
            state.result += "\n";
          }
        }
        break;
      }
      if (folding) {
        if (isWhiteSpace(ch)) {
          atMoreIndented = true;
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          state.result += common2.repeat("\n", emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) {
            state.result += " ";
          }
        } else {
          state.result += common2.repeat("\n", emptyLines);
        }
      } else {
        state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const captureStart = state.position;
      while (!isEol(ch) && ch !== 0) {
        ch = state.input.charCodeAt(++state.position);
      }
      captureSegment(state, captureStart, state.position, false);
    }
    return true;
  }
  function readBlockSequence(state, nodeIndent) {
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = [];
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (ch !== 45) {
        break;
      }
      const following = state.input.charCodeAt(state.position + 1);
      if (!isWsOrEol(following)) {
        break;
      }
      detected = true;
      state.position++;
      if (skipSeparationSpace(state, true, -1)) {
        if (state.lineIndent <= nodeIndent) {
          _result.push(null);
          ch = state.input.charCodeAt(state.position);
          continue;
        }
      }
      const _line = state.line;
      composeNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
      _result.push(state.result);
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a sequence entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "sequence";
      state.result = _result;
      return true;
    }
    return false;
  }
  function readBlockMapping(state, nodeIndent, flowIndent) {
    let allowCompact;
    let _keyLine;
    let _keyLineStart;
    let _keyPos;
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = {};
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyTag = null;
    let keyNode = null;
    let valueNode = null;
    let atExplicitKey = false;
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (!atExplicitKey && state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      const following = state.input.charCodeAt(state.position + 1);
      const _line = state.line;
      if ((ch === 63 || ch === 58) && isWsOrEol(following)) {
        if (ch === 63) {
          if (atExplicitKey) {
            storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
            keyTag = keyNode = valueNode = null;
          }
          detected = true;
          atExplicitKey = true;
          allowCompact = true;
        } else if (atExplicitKey) {
          atExplicitKey = false;
          allowCompact = true;
        } else {
          throwError(state, "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
        }
        state.position += 1;
        ch = following;
      } else {
        _keyLine = state.line;
        _keyLineStart = state.lineStart;
        _keyPos = state.position;
        if (!composeNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) {
          break;
        }
        if (state.line === _line) {
          ch = state.input.charCodeAt(state.position);
          while (isWhiteSpace(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          if (ch === 58) {
            ch = state.input.charCodeAt(++state.position);
            if (!isWsOrEol(ch)) {
              throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
            }
            if (atExplicitKey) {
              storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
              keyTag = keyNode = valueNode = null;
            }
            detected = true;
            atExplicitKey = false;
            allowCompact = false;
            keyTag = state.tag;
            keyNode = state.result;
          } else if (detected) {
            throwError(state, "can not read an implicit mapping pair; a colon is missed");
          } else {
            state.tag = _tag;
            state.anchor = _anchor;
            return true;
          }
        } else if (detected) {
          throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
        } else {
          state.tag = _tag;
          state.anchor = _anchor;
          return true;
        }
      }
      if (state.line === _line || state.lineIndent > nodeIndent) {
        if (atExplicitKey) {
          _keyLine = state.line;
          _keyLineStart = state.lineStart;
          _keyPos = state.position;
        }
        if (composeNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, allowCompact)) {
          if (atExplicitKey) {
            keyNode = state.result;
          } else {
            valueNode = state.result;
          }
        }
        if (!atExplicitKey) {
          storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _keyLine, _keyLineStart, _keyPos);
          keyTag = keyNode = valueNode = null;
        }
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
      }
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a mapping entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (atExplicitKey) {
      storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "mapping";
      state.result = _result;
    }
    return detected;
  }
  function readTagProperty(state) {
    let isVerbatim = false;
    let isNamed = false;
    let tagHandle;
    let tagName;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 33) return false;
    if (state.tag !== null) {
      throwError(state, "duplication of a tag property");
    }
    ch = state.input.charCodeAt(++state.position);
    if (ch === 60) {
      isVerbatim = true;
      ch = state.input.charCodeAt(++state.position);
    } else if (ch === 33) {
      isNamed = true;
      tagHandle = "!!";
      ch = state.input.charCodeAt(++state.position);
    } else {
      tagHandle = "!";
    }
    let _position = state.position;
    if (isVerbatim) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (ch !== 0 && ch !== 62);
      if (state.position < state.length) {
        tagName = state.input.slice(_position, state.position);
        ch = state.input.charCodeAt(++state.position);
      } else {
        throwError(state, "unexpected end of the stream within a verbatim tag");
      }
    } else {
      while (ch !== 0 && !isWsOrEol(ch)) {
        if (ch === 33) {
          if (!isNamed) {
            tagHandle = state.input.slice(_position - 1, state.position + 1);
            if (!PATTERN_TAG_HANDLE.test(tagHandle)) {
              throwError(state, "named tag handle cannot contain such characters");
            }
            isNamed = true;
            _position = state.position + 1;
          } else {
            throwError(state, "tag suffix cannot contain exclamation marks");
          }
        }
        ch = state.input.charCodeAt(++state.position);
      }
      tagName = state.input.slice(_position, state.position);
      if (PATTERN_FLOW_INDICATORS.test(tagName)) {
        throwError(state, "tag suffix cannot contain flow indicator characters");
      }
    }
    if (tagName && !PATTERN_TAG_URI.test(tagName)) {
      throwError(state, "tag name cannot contain such characters: " + tagName);
    }
    try {
      tagName = decodeURIComponent(tagName);
    } catch (err) {
      throwError(state, "tag name is malformed: " + tagName);
    }
    if (isVerbatim) {
      state.tag = tagName;
    } else if (_hasOwnProperty.call(state.tagMap, tagHandle)) {
      state.tag = state.tagMap[tagHandle] + tagName;
    } else if (tagHandle === "!") {
      state.tag = "!" + tagName;
    } else if (tagHandle === "!!") {
      state.tag = "tag:yaml.org,2002:" + tagName;
    } else {
      throwError(state, 'undeclared tag handle "' + tagHandle + '"');
    }
    return true;
  }
  function readAnchorProperty(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 38) return false;
    if (state.anchor !== null) {
      throwError(state, "duplication of an anchor property");
    }
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an anchor node must contain at least one character");
    }
    state.anchor = state.input.slice(_position, state.position);
    return true;
  }
  function readAlias(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 42) return false;
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an alias node must contain at least one character");
    }
    const alias = state.input.slice(_position, state.position);
    if (!_hasOwnProperty.call(state.anchorMap, alias)) {
      throwError(state, 'unidentified alias "' + alias + '"');
    }
    state.result = state.anchorMap[alias];
    skipSeparationSpace(state, true, -1);
    return true;
  }
  function tryReadBlockMappingFromProperty(state, propertyStart, nodeIndent, flowIndent) {
    const fallbackState = snapshotState(state);
    beginAnchorTransaction(state);
    restoreState(state, propertyStart);
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    if (readBlockMapping(state, nodeIndent, flowIndent) && state.kind === "mapping") {
      commitAnchorTransaction(state);
      return true;
    }
    rollbackAnchorTransaction(state);
    restoreState(state, fallbackState);
    return false;
  }
  function composeNode(state, parentIndent, nodeContext, allowToSeek, allowCompact) {
    let allowBlockScalars;
    let allowBlockCollections;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    let propertyStart = null;
    let type2;
    let flowIndent;
    let blockIndent;
    if (state.depth >= state.maxDepth) {
      throwError(state, "nesting exceeded maxDepth (" + state.maxDepth + ")");
    }
    state.depth += 1;
    if (state.listener !== null) {
      state.listener("open", state);
    }
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    const allowBlockStyles = allowBlockScalars = allowBlockCollections = CONTEXT_BLOCK_OUT === nodeContext || CONTEXT_BLOCK_IN === nodeContext;
    if (allowToSeek) {
      if (skipSeparationSpace(state, true, -1)) {
        atNewLine = true;
        if (state.lineIndent > parentIndent) {
          indentStatus = 1;
        } else if (state.lineIndent === parentIndent) {
          indentStatus = 0;
        } else if (state.lineIndent < parentIndent) {
          indentStatus = -1;
        }
      }
    }
    if (indentStatus === 1) {
      while (true) {
        const ch = state.input.charCodeAt(state.position);
        const propertyState = snapshotState(state);
        if (atNewLine && (ch === 33 && state.tag !== null || ch === 38 && state.anchor !== null)) {
          break;
        }
        if (!readTagProperty(state) && !readAnchorProperty(state)) {
          break;
        }
        if (propertyStart === null) {
          propertyStart = propertyState;
        }
        if (skipSeparationSpace(state, true, -1)) {
          atNewLine = true;
          allowBlockCollections = allowBlockStyles;
          if (state.lineIndent > parentIndent) {
            indentStatus = 1;
          } else if (state.lineIndent === parentIndent) {
            indentStatus = 0;
          } else if (state.lineIndent < parentIndent) {
            indentStatus = -1;
          }
        } else {
          allowBlockCollections = false;
        }
      }
    }
    if (allowBlockCollections) {
      allowBlockCollections = atNewLine || allowCompact;
    }
    if (indentStatus === 1 || CONTEXT_BLOCK_OUT === nodeContext) {
      if (CONTEXT_FLOW_IN === nodeContext || CONTEXT_FLOW_OUT === nodeContext) {
        flowIndent = parentIndent;
      } else {
        flowIndent = parentIndent + 1;
      }
      blockIndent = state.position - state.lineStart;
      if (indentStatus === 1) {
        if (allowBlockCollections && (readBlockSequence(state, blockIndent) || readBlockMapping(state, blockIndent, flowIndent)) || readFlowCollection(state, flowIndent)) {
          hasContent = true;
        } else {
          const ch = state.input.charCodeAt(state.position);
          if (propertyStart !== null && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62 && tryReadBlockMappingFromProperty(
            state,
            propertyStart,
            propertyStart.position - propertyStart.lineStart,
            flowIndent
          )) {
            hasContent = true;
          } else if (allowBlockScalars && readBlockScalar(state, flowIndent) || readSingleQuotedScalar(state, flowIndent) || readDoubleQuotedScalar(state, flowIndent)) {
            hasContent = true;
          } else if (readAlias(state)) {
            hasContent = true;
            if (state.tag !== null || state.anchor !== null) {
              throwError(state, "alias node should not have any properties");
            }
          } else if (readPlainScalar(state, flowIndent, CONTEXT_FLOW_IN === nodeContext)) {
            hasContent = true;
            if (state.tag === null) {
              state.tag = "?";
            }
          }
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
        }
      } else if (indentStatus === 0) {
        hasContent = allowBlockCollections && readBlockSequence(state, blockIndent);
      }
    }
    if (state.tag === null) {
      if (state.anchor !== null) {
        storeAnchor(state, state.anchor, state.result);
      }
    } else if (state.tag === "?") {
      if (state.result !== null && state.kind !== "scalar") {
        throwError(state, 'unacceptable node kind for !<?> tag; it should be "scalar", not "' + state.kind + '"');
      }
      for (let typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {
        type2 = state.implicitTypes[typeIndex];
        if (type2.resolve(state.result)) {
          state.result = type2.construct(state.result);
          state.tag = type2.tag;
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
          break;
        }
      }
    } else if (state.tag !== "!") {
      if (_hasOwnProperty.call(state.typeMap[state.kind || "fallback"], state.tag)) {
        type2 = state.typeMap[state.kind || "fallback"][state.tag];
      } else {
        type2 = null;
        const typeList = state.typeMap.multi[state.kind || "fallback"];
        for (let typeIndex = 0, typeQuantity = typeList.length; typeIndex < typeQuantity; typeIndex += 1) {
          if (state.tag.slice(0, typeList[typeIndex].tag.length) === typeList[typeIndex].tag) {
            type2 = typeList[typeIndex];
            break;
          }
        }
      }
      if (!type2) {
        throwError(state, "unknown tag !<" + state.tag + ">");
      }
      if (state.result !== null && type2.kind !== state.kind) {
        throwError(state, "unacceptable node kind for !<" + state.tag + '> tag; it should be "' + type2.kind + '", not "' + state.kind + '"');
      }
      if (!type2.resolve(state.result, state.tag)) {
        throwError(state, "cannot resolve a node with !<" + state.tag + "> explicit tag");
      } else {
        state.result = type2.construct(state.result, state.tag);
        if (state.anchor !== null) {
          storeAnchor(state, state.anchor, state.result);
        }
      }
    }
    if (state.listener !== null) {
      state.listener("close", state);
    }
    state.depth -= 1;
    return state.tag !== null || state.anchor !== null || hasContent;
  }
  function readDocument(state) {
    const documentStart = state.position;
    let hasDirectives = false;
    let ch;
    state.version = null;
    state.checkLineBreaks = state.legacy;
    state.tagMap = /* @__PURE__ */ Object.create(null);
    state.anchorMap = /* @__PURE__ */ Object.create(null);
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if (state.lineIndent > 0 || ch !== 37) {
        break;
      }
      hasDirectives = true;
      ch = state.input.charCodeAt(++state.position);
      let _position = state.position;
      while (ch !== 0 && !isWsOrEol(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      const directiveName = state.input.slice(_position, state.position);
      const directiveArgs = [];
      if (directiveName.length < 1) {
        throwError(state, "directive name must not be less than one character in length");
      }
      while (ch !== 0) {
        while (isWhiteSpace(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        if (ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (ch !== 0 && !isEol(ch));
          break;
        }
        if (isEol(ch)) break;
        _position = state.position;
        while (ch !== 0 && !isWsOrEol(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        directiveArgs.push(state.input.slice(_position, state.position));
      }
      if (ch !== 0) readLineBreak(state);
      if (_hasOwnProperty.call(directiveHandlers, directiveName)) {
        directiveHandlers[directiveName](state, directiveName, directiveArgs);
      } else {
        throwWarning(state, 'unknown document directive "' + directiveName + '"');
      }
    }
    skipSeparationSpace(state, true, -1);
    if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45) {
      state.position += 3;
      skipSeparationSpace(state, true, -1);
    } else if (hasDirectives) {
      throwError(state, "directives end mark is expected");
    }
    composeNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, true);
    skipSeparationSpace(state, true, -1);
    if (state.checkLineBreaks && PATTERN_NON_ASCII_LINE_BREAKS.test(state.input.slice(documentStart, state.position))) {
      throwWarning(state, "non-ASCII line breaks are interpreted as content");
    }
    state.documents.push(state.result);
    if (state.position === state.lineStart && testDocumentSeparator(state)) {
      if (state.input.charCodeAt(state.position) === 46) {
        state.position += 3;
        skipSeparationSpace(state, true, -1);
      }
      return;
    }
    if (state.position < state.length - 1) {
      throwError(state, "end of the stream or a document separator is expected");
    }
  }
  function loadDocuments(input, options) {
    input = String(input);
    options = options || {};
    if (input.length !== 0) {
      if (input.charCodeAt(input.length - 1) !== 10 && input.charCodeAt(input.length - 1) !== 13) {
        input += "\n";
      }
      if (input.charCodeAt(0) === 65279) {
        input = input.slice(1);
      }
    }
    const state = new State(input, options);
    const nullpos = input.indexOf("\0");
    if (nullpos !== -1) {
      state.position = nullpos;
      throwError(state, "null byte is not allowed in input");
    }
    state.input += "\0";
    while (state.input.charCodeAt(state.position) === 32) {
      state.lineIndent += 1;
      state.position += 1;
    }
    while (state.position < state.length - 1) {
      readDocument(state);
    }
    return state.documents;
  }
  function loadAll2(input, iterator, options) {
    if (iterator !== null && typeof iterator === "object" && typeof options === "undefined") {
      options = iterator;
      iterator = null;
    }
    const documents = loadDocuments(input, options);
    if (typeof iterator !== "function") {
      return documents;
    }
    for (let index = 0, length = documents.length; index < length; index += 1) {
      iterator(documents[index]);
    }
  }
  function load2(input, options) {
    const documents = loadDocuments(input, options);
    if (documents.length === 0) {
      return void 0;
    } else if (documents.length === 1) {
      return documents[0];
    }
    throw new YAMLException2("expected a single document in the stream, but found more");
  }
  loader.loadAll = loadAll2;
  loader.load = load2;
  return loader;
}
var dumper = {};
var hasRequiredDumper;
function requireDumper() {
  if (hasRequiredDumper) return dumper;
  hasRequiredDumper = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const DEFAULT_SCHEMA2 = require_default();
  const _toString = Object.prototype.toString;
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CHAR_BOM = 65279;
  const CHAR_TAB = 9;
  const CHAR_LINE_FEED = 10;
  const CHAR_CARRIAGE_RETURN = 13;
  const CHAR_SPACE = 32;
  const CHAR_EXCLAMATION = 33;
  const CHAR_DOUBLE_QUOTE = 34;
  const CHAR_SHARP = 35;
  const CHAR_PERCENT = 37;
  const CHAR_AMPERSAND = 38;
  const CHAR_SINGLE_QUOTE = 39;
  const CHAR_ASTERISK = 42;
  const CHAR_COMMA = 44;
  const CHAR_MINUS = 45;
  const CHAR_COLON = 58;
  const CHAR_EQUALS = 61;
  const CHAR_GREATER_THAN = 62;
  const CHAR_QUESTION = 63;
  const CHAR_COMMERCIAL_AT = 64;
  const CHAR_LEFT_SQUARE_BRACKET = 91;
  const CHAR_RIGHT_SQUARE_BRACKET = 93;
  const CHAR_GRAVE_ACCENT = 96;
  const CHAR_LEFT_CURLY_BRACKET = 123;
  const CHAR_VERTICAL_LINE = 124;
  const CHAR_RIGHT_CURLY_BRACKET = 125;
  const ESCAPE_SEQUENCES = {};
  ESCAPE_SEQUENCES[0] = "\\0";
  ESCAPE_SEQUENCES[7] = "\\a";
  ESCAPE_SEQUENCES[8] = "\\b";
  ESCAPE_SEQUENCES[9] = "\\t";
  ESCAPE_SEQUENCES[10] = "\\n";
  ESCAPE_SEQUENCES[11] = "\\v";
  ESCAPE_SEQUENCES[12] = "\\f";
  ESCAPE_SEQUENCES[13] = "\\r";
  ESCAPE_SEQUENCES[27] = "\\e";
  ESCAPE_SEQUENCES[34] = '\\"';
  ESCAPE_SEQUENCES[92] = "\\\\";
  ESCAPE_SEQUENCES[133] = "\\N";
  ESCAPE_SEQUENCES[160] = "\\_";
  ESCAPE_SEQUENCES[8232] = "\\L";
  ESCAPE_SEQUENCES[8233] = "\\P";
  const DEPRECATED_BOOLEANS_SYNTAX = [
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "on",
    "On",
    "ON",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "off",
    "Off",
    "OFF"
  ];
  const DEPRECATED_BASE60_SYNTAX = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
  function compileStyleMap(schema2, map2) {
    if (map2 === null) return {};
    const result = {};
    const keys = Object.keys(map2);
    for (let index = 0, length = keys.length; index < length; index += 1) {
      let tag = keys[index];
      let style = String(map2[tag]);
      if (tag.slice(0, 2) === "!!") {
        tag = "tag:yaml.org,2002:" + tag.slice(2);
      }
      const type2 = schema2.compiledTypeMap["fallback"][tag];
      if (type2 && _hasOwnProperty.call(type2.styleAliases, style)) {
        style = type2.styleAliases[style];
      }
      result[tag] = style;
    }
    return result;
  }
  function encodeHex(character) {
    let handle;
    let length;
    const string = character.toString(16).toUpperCase();
    if (character <= 255) {
      handle = "x";
      length = 2;
    } else if (character <= 65535) {
      handle = "u";
      length = 4;
    } else if (character <= 4294967295) {
      handle = "U";
      length = 8;
    } else {
      throw new YAMLException2("code point within a string may not be greater than 0xFFFFFFFF");
    }
    return "\\" + handle + common2.repeat("0", length - string.length) + string;
  }
  const QUOTING_TYPE_SINGLE = 1;
  const QUOTING_TYPE_DOUBLE = 2;
  function State(options) {
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.indent = Math.max(1, options["indent"] || 2);
    this.noArrayIndent = options["noArrayIndent"] || false;
    this.skipInvalid = options["skipInvalid"] || false;
    this.flowLevel = common2.isNothing(options["flowLevel"]) ? -1 : options["flowLevel"];
    this.styleMap = compileStyleMap(this.schema, options["styles"] || null);
    this.sortKeys = options["sortKeys"] || false;
    this.lineWidth = options["lineWidth"] || 80;
    this.noRefs = options["noRefs"] || false;
    this.noCompatMode = options["noCompatMode"] || false;
    this.condenseFlow = options["condenseFlow"] || false;
    this.quotingType = options["quotingType"] === '"' ? QUOTING_TYPE_DOUBLE : QUOTING_TYPE_SINGLE;
    this.forceQuotes = options["forceQuotes"] || false;
    this.replacer = typeof options["replacer"] === "function" ? options["replacer"] : null;
    this.implicitTypes = this.schema.compiledImplicit;
    this.explicitTypes = this.schema.compiledExplicit;
    this.tag = null;
    this.result = "";
    this.duplicates = [];
    this.usedDuplicates = null;
  }
  function indentString(string, spaces) {
    const ind = common2.repeat(" ", spaces);
    let position = 0;
    let result = "";
    const length = string.length;
    while (position < length) {
      let line;
      const next = string.indexOf("\n", position);
      if (next === -1) {
        line = string.slice(position);
        position = length;
      } else {
        line = string.slice(position, next + 1);
        position = next + 1;
      }
      if (line.length && line !== "\n") result += ind;
      result += line;
    }
    return result;
  }
  function generateNextLine(state, level) {
    return "\n" + common2.repeat(" ", state.indent * level);
  }
  function testImplicitResolving(state, str2) {
    for (let index = 0, length = state.implicitTypes.length; index < length; index += 1) {
      const type2 = state.implicitTypes[index];
      if (type2.resolve(str2)) {
        return true;
      }
    }
    return false;
  }
  function isWhitespace(c) {
    return c === CHAR_SPACE || c === CHAR_TAB;
  }
  function isPrintable(c) {
    return c >= 32 && c <= 126 || c >= 161 && c <= 55295 && c !== 8232 && c !== 8233 || c >= 57344 && c <= 65533 && c !== CHAR_BOM || c >= 65536 && c <= 1114111;
  }
  function isNsCharOrWhitespace(c) {
    return isPrintable(c) && c !== CHAR_BOM && // - b-char
    c !== CHAR_CARRIAGE_RETURN && c !== CHAR_LINE_FEED;
  }
  function isPlainSafe(c, prev, inblock) {
    const cIsNsCharOrWhitespace = isNsCharOrWhitespace(c);
    const cIsNsChar = cIsNsCharOrWhitespace && !isWhitespace(c);
    return (
      // ns-plain-safe
      (inblock ? cIsNsCharOrWhitespace : cIsNsCharOrWhitespace && // - c-flow-indicator
      c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET) && // ns-plain-char
      c !== CHAR_SHARP && // false on '#'
      !(prev === CHAR_COLON && !cIsNsChar) || // false on ': '
      isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === CHAR_SHARP || // change to true on '[^ ]#'
      prev === CHAR_COLON && cIsNsChar
    );
  }
  function isPlainSafeFirst(c) {
    return isPrintable(c) && c !== CHAR_BOM && !isWhitespace(c) && // - s-white
    // - (c-indicator ::=
    // “-” | “?” | “:” | “,” | “[” | “]” | “{” | “}”
    c !== CHAR_MINUS && c !== CHAR_QUESTION && c !== CHAR_COLON && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && // | “#” | “&” | “*” | “!” | “|” | “=” | “>” | “'” | “"”
    c !== CHAR_SHARP && c !== CHAR_AMPERSAND && c !== CHAR_ASTERISK && c !== CHAR_EXCLAMATION && c !== CHAR_VERTICAL_LINE && c !== CHAR_EQUALS && c !== CHAR_GREATER_THAN && c !== CHAR_SINGLE_QUOTE && c !== CHAR_DOUBLE_QUOTE && // | “%” | “@” | “`”)
    c !== CHAR_PERCENT && c !== CHAR_COMMERCIAL_AT && c !== CHAR_GRAVE_ACCENT;
  }
  function isPlainSafeLast(c) {
    return !isWhitespace(c) && c !== CHAR_COLON;
  }
  function codePointAt(string, pos) {
    const first = string.charCodeAt(pos);
    let second;
    if (first >= 55296 && first <= 56319 && pos + 1 < string.length) {
      second = string.charCodeAt(pos + 1);
      if (second >= 56320 && second <= 57343) {
        return (first - 55296) * 1024 + second - 56320 + 65536;
      }
    }
    return first;
  }
  function needIndentIndicator(string) {
    const leadingSpaceRe = /^\n* /;
    return leadingSpaceRe.test(string);
  }
  const STYLE_PLAIN = 1;
  const STYLE_SINGLE = 2;
  const STYLE_LITERAL = 3;
  const STYLE_FOLDED = 4;
  const STYLE_DOUBLE = 5;
  function chooseScalarStyle(string, singleLineOnly, indentPerLevel, lineWidth, testAmbiguousType, quotingType, forceQuotes, inblock) {
    let i;
    let char = 0;
    let prevChar = null;
    let hasLineBreak = false;
    let hasFoldableLine = false;
    const shouldTrackWidth = lineWidth !== -1;
    let previousLineBreak = -1;
    let plain = isPlainSafeFirst(codePointAt(string, 0)) && isPlainSafeLast(codePointAt(string, string.length - 1));
    if (singleLineOnly || forceQuotes) {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
    } else {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (char === CHAR_LINE_FEED) {
          hasLineBreak = true;
          if (shouldTrackWidth) {
            hasFoldableLine = hasFoldableLine || // Foldable line = too long, and not more-indented.
            i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ";
            previousLineBreak = i;
          }
        } else if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
      hasFoldableLine = hasFoldableLine || shouldTrackWidth && (i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ");
    }
    if (!hasLineBreak && !hasFoldableLine) {
      if (plain && !forceQuotes && !testAmbiguousType(string)) {
        return STYLE_PLAIN;
      }
      return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
    }
    if (indentPerLevel > 9 && needIndentIndicator(string)) {
      return STYLE_DOUBLE;
    }
    if (!forceQuotes) {
      return hasFoldableLine ? STYLE_FOLDED : STYLE_LITERAL;
    }
    return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
  }
  function writeScalar(state, string, level, iskey, inblock) {
    state.dump = (function() {
      if (string.length === 0) {
        return state.quotingType === QUOTING_TYPE_DOUBLE ? '""' : "''";
      }
      if (!state.noCompatMode) {
        if (DEPRECATED_BOOLEANS_SYNTAX.indexOf(string) !== -1 || DEPRECATED_BASE60_SYNTAX.test(string)) {
          return state.quotingType === QUOTING_TYPE_DOUBLE ? '"' + string + '"' : "'" + string + "'";
        }
      }
      const indent = state.indent * Math.max(1, level);
      const lineWidth = state.lineWidth === -1 ? -1 : Math.max(Math.min(state.lineWidth, 40), state.lineWidth - indent);
      const singleLineOnly = iskey || // No block styles in flow mode.
      state.flowLevel > -1 && level >= state.flowLevel;
      function testAmbiguity(string2) {
        return testImplicitResolving(state, string2);
      }
      switch (chooseScalarStyle(
        string,
        singleLineOnly,
        state.indent,
        lineWidth,
        testAmbiguity,
        state.quotingType,
        state.forceQuotes && !iskey,
        inblock
      )) {
        case STYLE_PLAIN:
          return string;
        case STYLE_SINGLE:
          return "'" + string.replace(/'/g, "''") + "'";
        case STYLE_LITERAL:
          return "|" + blockHeader(string, state.indent) + dropEndingNewline(indentString(string, indent));
        case STYLE_FOLDED:
          return ">" + blockHeader(string, state.indent) + dropEndingNewline(indentString(foldString(string, lineWidth), indent));
        case STYLE_DOUBLE:
          return '"' + escapeString(string) + '"';
        default:
          throw new YAMLException2("impossible error: invalid scalar style");
      }
    })();
  }
  function blockHeader(string, indentPerLevel) {
    const indentIndicator = needIndentIndicator(string) ? String(indentPerLevel) : "";
    const clip = string[string.length - 1] === "\n";
    const keep = clip && (string[string.length - 2] === "\n" || string === "\n");
    const chomp = keep ? "+" : clip ? "" : "-";
    return indentIndicator + chomp + "\n";
  }
  function dropEndingNewline(string) {
    return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
  }
  function foldString(string, width) {
    const lineRe = /(\n+)([^\n]*)/g;
    let result = (function() {
      let nextLF = string.indexOf("\n");
      nextLF = nextLF !== -1 ? nextLF : string.length;
      lineRe.lastIndex = nextLF;
      return foldLine(string.slice(0, nextLF), width);
    })();
    let prevMoreIndented = string[0] === "\n" || string[0] === " ";
    let moreIndented;
    let match;
    while (match = lineRe.exec(string)) {
      const prefix = match[1];
      const line = match[2];
      moreIndented = line[0] === " ";
      result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
      prevMoreIndented = moreIndented;
    }
    return result;
  }
  function foldLine(line, width) {
    if (line === "" || line[0] === " ") return line;
    const breakRe = / [^ ]/g;
    let match;
    let start = 0;
    let end;
    let curr = 0;
    let next = 0;
    let result = "";
    while (match = breakRe.exec(line)) {
      next = match.index;
      if (next - start > width) {
        end = curr > start ? curr : next;
        result += "\n" + line.slice(start, end);
        start = end + 1;
      }
      curr = next;
    }
    result += "\n";
    if (line.length - start > width && curr > start) {
      result += line.slice(start, curr) + "\n" + line.slice(curr + 1);
    } else {
      result += line.slice(start);
    }
    return result.slice(1);
  }
  function escapeString(string) {
    let result = "";
    let char = 0;
    for (let i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
      char = codePointAt(string, i);
      const escapeSeq = ESCAPE_SEQUENCES[char];
      if (!escapeSeq && isPrintable(char)) {
        result += string[i];
        if (char >= 65536) result += string[i + 1];
      } else {
        result += escapeSeq || encodeHex(char);
      }
    }
    return result;
  }
  function writeFlowSequence(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level, value, false, false) || typeof value === "undefined" && writeNode(state, level, null, false, false)) {
        if (_result !== "") _result += "," + (!state.condenseFlow ? " " : "");
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = "[" + _result + "]";
  }
  function writeBlockSequence(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level + 1, value, true, true, false, true) || typeof value === "undefined" && writeNode(state, level + 1, null, true, true, false, true)) {
        if (!compact || _result !== "") {
          _result += generateNextLine(state, level);
        }
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          _result += "-";
        } else {
          _result += "- ";
        }
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = _result || "[]";
  }
  function writeFlowMapping(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (_result !== "") pairBuffer += ", ";
      if (state.condenseFlow) pairBuffer += '"';
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level, objectKey, false, false)) {
        continue;
      }
      if (state.dump.length > 1024) pairBuffer += "? ";
      pairBuffer += state.dump + (state.condenseFlow ? '"' : "") + ":" + (state.condenseFlow ? "" : " ");
      if (!writeNode(state, level, objectValue, false, false)) {
        continue;
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = "{" + _result + "}";
  }
  function writeBlockMapping(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    if (state.sortKeys === true) {
      objectKeyList.sort();
    } else if (typeof state.sortKeys === "function") {
      objectKeyList.sort(state.sortKeys);
    } else if (state.sortKeys) {
      throw new YAMLException2("sortKeys must be a boolean or a function");
    }
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (!compact || _result !== "") {
        pairBuffer += generateNextLine(state, level);
      }
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level + 1, objectKey, true, true, true)) {
        continue;
      }
      const explicitPair = state.tag !== null && state.tag !== "?" || state.dump && state.dump.length > 1024;
      if (explicitPair) {
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          pairBuffer += "?";
        } else {
          pairBuffer += "? ";
        }
      }
      pairBuffer += state.dump;
      if (explicitPair) {
        pairBuffer += generateNextLine(state, level);
      }
      if (!writeNode(state, level + 1, objectValue, true, explicitPair)) {
        continue;
      }
      if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
        pairBuffer += ":";
      } else {
        pairBuffer += ": ";
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = _result || "{}";
  }
  function detectType(state, object, explicit) {
    const typeList = explicit ? state.explicitTypes : state.implicitTypes;
    for (let index = 0, length = typeList.length; index < length; index += 1) {
      const type2 = typeList[index];
      if ((type2.instanceOf || type2.predicate) && (!type2.instanceOf || typeof object === "object" && object instanceof type2.instanceOf) && (!type2.predicate || type2.predicate(object))) {
        if (explicit) {
          if (type2.multi && type2.representName) {
            state.tag = type2.representName(object);
          } else {
            state.tag = type2.tag;
          }
        } else {
          state.tag = "?";
        }
        if (type2.represent) {
          const style = state.styleMap[type2.tag] || type2.defaultStyle;
          let _result;
          if (_toString.call(type2.represent) === "[object Function]") {
            _result = type2.represent(object, style);
          } else if (_hasOwnProperty.call(type2.represent, style)) {
            _result = type2.represent[style](object, style);
          } else {
            throw new YAMLException2("!<" + type2.tag + '> tag resolver accepts not "' + style + '" style');
          }
          state.dump = _result;
        }
        return true;
      }
    }
    return false;
  }
  function writeNode(state, level, object, block, compact, iskey, isblockseq) {
    state.tag = null;
    state.dump = object;
    if (!detectType(state, object, false)) {
      detectType(state, object, true);
    }
    const type2 = _toString.call(state.dump);
    const inblock = block;
    if (block) {
      block = state.flowLevel < 0 || state.flowLevel > level;
    }
    const objectOrArray = type2 === "[object Object]" || type2 === "[object Array]";
    let duplicateIndex;
    let duplicate;
    if (objectOrArray) {
      duplicateIndex = state.duplicates.indexOf(object);
      duplicate = duplicateIndex !== -1;
    }
    if (state.tag !== null && state.tag !== "?" || duplicate || state.indent !== 2 && level > 0) {
      compact = false;
    }
    if (duplicate && state.usedDuplicates[duplicateIndex]) {
      state.dump = "*ref_" + duplicateIndex;
    } else {
      if (objectOrArray && duplicate && !state.usedDuplicates[duplicateIndex]) {
        state.usedDuplicates[duplicateIndex] = true;
      }
      if (type2 === "[object Object]") {
        if (block && Object.keys(state.dump).length !== 0) {
          writeBlockMapping(state, level, state.dump, compact);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowMapping(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object Array]") {
        if (block && state.dump.length !== 0) {
          if (state.noArrayIndent && !isblockseq && level > 0) {
            writeBlockSequence(state, level - 1, state.dump, compact);
          } else {
            writeBlockSequence(state, level, state.dump, compact);
          }
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowSequence(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object String]") {
        if (state.tag !== "?") {
          writeScalar(state, state.dump, level, iskey, inblock);
        }
      } else if (type2 === "[object Undefined]") {
        return false;
      } else {
        if (state.skipInvalid) return false;
        throw new YAMLException2("unacceptable kind of an object to dump " + type2);
      }
      if (state.tag !== null && state.tag !== "?") {
        let tagStr = encodeURI(
          state.tag[0] === "!" ? state.tag.slice(1) : state.tag
        ).replace(/!/g, "%21");
        if (state.tag[0] === "!") {
          tagStr = "!" + tagStr;
        } else if (tagStr.slice(0, 18) === "tag:yaml.org,2002:") {
          tagStr = "!!" + tagStr.slice(18);
        } else {
          tagStr = "!<" + tagStr + ">";
        }
        state.dump = tagStr + " " + state.dump;
      }
    }
    return true;
  }
  function getDuplicateReferences(object, state) {
    const objects = [];
    const duplicatesIndexes = [];
    inspectNode(object, objects, duplicatesIndexes);
    const length = duplicatesIndexes.length;
    for (let index = 0; index < length; index += 1) {
      state.duplicates.push(objects[duplicatesIndexes[index]]);
    }
    state.usedDuplicates = new Array(length);
  }
  function inspectNode(object, objects, duplicatesIndexes) {
    if (object !== null && typeof object === "object") {
      const index = objects.indexOf(object);
      if (index !== -1) {
        if (duplicatesIndexes.indexOf(index) === -1) {
          duplicatesIndexes.push(index);
        }
      } else {
        objects.push(object);
        if (Array.isArray(object)) {
          for (let i = 0, length = object.length; i < length; i += 1) {
            inspectNode(object[i], objects, duplicatesIndexes);
          }
        } else {
          const objectKeyList = Object.keys(object);
          for (let i = 0, length = objectKeyList.length; i < length; i += 1) {
            inspectNode(object[objectKeyList[i]], objects, duplicatesIndexes);
          }
        }
      }
    }
  }
  function dump2(input, options) {
    options = options || {};
    const state = new State(options);
    if (!state.noRefs) getDuplicateReferences(input, state);
    let value = input;
    if (state.replacer) {
      value = state.replacer.call({ "": value }, "", value);
    }
    if (writeNode(state, 0, value, true, true)) return state.dump + "\n";
    return "";
  }
  dumper.dump = dump2;
  return dumper;
}
var hasRequiredJsYaml;
function requireJsYaml() {
  if (hasRequiredJsYaml) return jsYaml;
  hasRequiredJsYaml = 1;
  const loader2 = requireLoader();
  const dumper2 = requireDumper();
  function renamed(from, to) {
    return function() {
      throw new Error("Function yaml." + from + " is removed in js-yaml 4. Use yaml." + to + " instead, which is now safe by default.");
    };
  }
  jsYaml.Type = requireType();
  jsYaml.Schema = requireSchema();
  jsYaml.FAILSAFE_SCHEMA = requireFailsafe();
  jsYaml.JSON_SCHEMA = requireJson();
  jsYaml.CORE_SCHEMA = requireCore();
  jsYaml.DEFAULT_SCHEMA = require_default();
  jsYaml.load = loader2.load;
  jsYaml.loadAll = loader2.loadAll;
  jsYaml.dump = dumper2.dump;
  jsYaml.YAMLException = requireException();
  jsYaml.types = {
    binary: requireBinary(),
    float: requireFloat(),
    map: requireMap(),
    null: require_null(),
    pairs: requirePairs(),
    set: requireSet(),
    timestamp: requireTimestamp(),
    bool: requireBool(),
    int: requireInt(),
    merge: requireMerge(),
    omap: requireOmap(),
    seq: requireSeq(),
    str: requireStr()
  };
  jsYaml.safeLoad = renamed("safeLoad", "load");
  jsYaml.safeLoadAll = renamed("safeLoadAll", "loadAll");
  jsYaml.safeDump = renamed("safeDump", "dump");
  return jsYaml;
}
var jsYamlExports = requireJsYaml();
const yaml = /* @__PURE__ */ getDefaultExportFromCjs(jsYamlExports);
const {
  Type,
  Schema,
  FAILSAFE_SCHEMA,
  JSON_SCHEMA,
  CORE_SCHEMA,
  DEFAULT_SCHEMA,
  load,
  loadAll,
  dump,
  YAMLException,
  types,
  safeLoad,
  safeLoadAll,
  safeDump
} = yaml;

//# sourceMappingURL=js-yaml.mjs.map

;// CONCATENATED MODULE: ./src/core/yaml.ts
/**
 * The one YAML reader and writer: js-yaml with the YAML 1.2 core schema. Core, not js-yaml's
 * default, so that what Kubernetes reads as a string stays one: no timestamps (`2024-01-01`
 * is not a Date), no merge keys, no !!binary. js-yaml loads and parses several times faster
 * than the `yaml` package, which every step's start and every manifest diff pays for.
 */

/** One document; throws with the parser's first line (line and column) on invalid YAML. */
function parseYaml(text) {
    try {
        return load(text, { schema: CORE_SCHEMA });
    }
    catch (error) {
        throw new Error(firstLine(error));
    }
}
/** Every document of a stream, empty ones included (as null). */
function yaml_parseYamlDocuments(text) {
    try {
        return loadAll(text, undefined, { schema: CORE_SCHEMA });
    }
    catch (error) {
        throw new Error(firstLine(error));
    }
}
/** Block-style YAML; `sortKeys` gives a canonical text for diffs. */
function stringifyYaml(value, options = {}) {
    return dump(value, {
        schema: CORE_SCHEMA,
        lineWidth: -1,
        noRefs: true,
        sortKeys: options.sortKeys ?? false
    });
}
function firstLine(error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0];
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
            throw new errors_InputError(name, value, accepted);
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
        throw new errors_InputError(name, value, 'true or false');
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
            throw new errors_InputError(name, value, `one of ${allowed.join(', ')}`);
        return match;
    }
    enumList(name, allowed, fallback) {
        const values = this.list(name);
        if (values.length === 0)
            return fallback;
        return values.map(value => {
            const match = allowed.find(a => a.toLowerCase() === value.toLowerCase());
            if (!match)
                throw new errors_InputError(name, value, `a comma-separated list of ${allowed.join(', ')}`);
            return match;
        });
    }
    integer(name, fallback, min = 0, max = Number.MAX_SAFE_INTEGER) {
        const value = this.raw(name);
        if (value === '')
            return fallback;
        if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
            throw new errors_InputError(name, value, `a whole number from ${min} to ${max}`);
        }
        return Number(value);
    }
    /** A duration in milliseconds. */
    duration(name, fallback) {
        const value = this.raw(name) || fallback;
        const ms = parseDuration(value);
        if (ms === undefined) {
            throw new errors_InputError(name, value, 'a duration such as 90s, 5m or 1h30m (units h, m, s, ms)');
        }
        return ms;
    }
    /** key=value entries, one per line; keys must match `keyPattern`. */
    keyValues(name, keyPattern = /^[A-Za-z_][A-Za-z0-9_.-]*$/) {
        return this.lines(name).map(entry => {
            const at = entry.indexOf('=');
            const key = at > 0 ? entry.slice(0, at).trim() : '';
            if (!keyPattern.test(key))
                throw new errors_InputError(name, entry, 'KEY=value entries, one per line');
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

;// CONCATENATED MODULE: ./actions/deploy/src/inputs.ts








/** A Helm value path: dot-separated names (escaped dots allowed) with optional [n] indexes. */
const VALUE_PATH = /^(?:[A-Za-z0-9_-]|\\\.)+(?:\[\d+\])*(?:\.(?:[A-Za-z0-9_-]|\\\.)+(?:\[\d+\])*)*$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
/**
 * Validates `--set` style entries. Helm splits one entry on unescaped commas, so every
 * comma-separated part must itself be key=value with a valid value path.
 */
function validateSetEntries(input, entries) {
    for (const entry of entries) {
        for (const part of entry.split(/(?<!\\),/)) {
            const at = part.indexOf('=');
            const key = at > 0 ? part.slice(0, at) : '';
            if (!VALUE_PATH.test(key)) {
                throw new errors_InputError(input, entry, 'key=value entries, one per line, the key a value path such as backend.replicas or env[0].name (escape "," in values as "\\,")');
            }
        }
    }
    return entries;
}
/**
 * Parses `images`: lines `app=registry/repo@sha256:...`, or a YAML/JSON mapping
 * `{ app: ref }`. A tag is refused unless `allowTags`: a tag can move, a digest cannot.
 */
function parseImages(text, allowTags) {
    const trimmed = text.trim();
    if (trimmed === '')
        return [];
    let pairs;
    if (trimmed.startsWith('{') || /^[A-Za-z0-9_-]+:\s/m.test(trimmed)) {
        let doc;
        try {
            doc = parseYaml(trimmed);
        }
        catch {
            throw new errors_InputError('images', trimmed, 'lines app=registry/repo@sha256:<digest>, or a YAML/JSON mapping of app to such a reference');
        }
        if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
            throw new errors_InputError('images', trimmed, 'a mapping of app name to registry/repo@sha256:<digest>');
        }
        pairs = Object.entries(doc).map(([k, v]) => [k, String(v ?? '')]);
    }
    else {
        pairs = trimmed
            .split('\n')
            .map(l => l.trim())
            .filter(l => l && !l.startsWith('#'))
            .map(line => {
            const at = line.indexOf('=');
            if (at <= 0)
                throw new errors_InputError('images', line, 'app=registry/repo@sha256:<digest>, one per line');
            return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
        });
    }
    const seen = new Set();
    return pairs.map(([app, ref]) => {
        if (!/^[A-Za-z0-9_-]+$/.test(app))
            throw new errors_InputError('images', `${app}=${ref}`, 'an app name of letters, digits, "_" and "-" before "="');
        if (seen.has(app))
            throw new errors_InputError('images', app, 'each app at most once');
        seen.add(app);
        let parsed;
        try {
            parsed = parseReference(ref);
        }
        catch (error) {
            throw new errors_InputError('images', `${app}=${ref}`, `a valid image reference (${error instanceof ReferenceError ? error.message.replace(/^Invalid image reference "[^"]*": /, '').replace(/\. Expected.*$/, '') : 'unparseable'})`);
        }
        if (!parsed.digest) {
            if (!allowTags || !parsed.tag) {
                throw new errors_InputError('images', `${app}=${ref}`, `an image pinned by digest (registry/repo@sha256:<64 hex>); a tag can move under a running release${allowTags ? '' : ' (set allow-tags: true to deploy by tag)'}`);
            }
        }
        return {
            app,
            ref,
            repository: repositoryOf(parsed),
            digest: parsed.digest,
            tag: parsed.digest ? undefined : parsed.tag
        };
    });
}
/** The --set-string entries that pin each app's image (`<path>.repository`, `.digest`, `.tag`). */
function imageSetStrings(images, valuePath) {
    const esc = (v) => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
    return images.flatMap(image => {
        const base = valuePath.split('{app}').join(image.app);
        const entries = [`${base}.repository=${esc(image.repository)}`];
        if (image.digest)
            entries.push(`${base}.digest=${image.digest}`);
        else
            entries.push(`${base}.tag=${esc(image.tag ?? '')}`, `${base}.digest=`);
        return entries;
    });
}
/**
 * Parses `create-secrets`: a YAML/JSON mapping `[namespace/]name: { KEY: value }`, or lines
 * `[namespace/]name:KEY=value`. Every value is masked before anything else happens.
 */
function parseSecrets(text, defaultNamespace) {
    const trimmed = text.trim();
    if (trimmed === '')
        return [];
    const secrets = new Map();
    const add = (target, key, value, shown) => {
        maskSecret(value);
        const slash = target.indexOf('/');
        const namespace = slash >= 0 ? target.slice(0, slash) : defaultNamespace;
        const name = slash >= 0 ? target.slice(slash + 1) : target;
        validateNamespace(namespace, 'create-secrets');
        if (name.length > 253 ||
            !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name)) {
            throw new errors_InputError('create-secrets', shown, 'a Secret name (lowercase letters, digits, "-" and ".") before the keys');
        }
        if (!SECRET_KEY.test(key) || key.length > 253) {
            throw new errors_InputError('create-secrets', shown, 'keys of letters, digits, "-", "_" and "."');
        }
        const id = `${namespace}/${name}`;
        const spec = secrets.get(id) ?? { namespace, name, data: {} };
        spec.data[key] = value;
        secrets.set(id, spec);
    };
    const lineForm = /^[^\s:{]+:[-._a-zA-Z0-9]+=/.test(trimmed.split('\n')[0].trim());
    if (!lineForm) {
        let doc;
        try {
            doc = parseYaml(trimmed);
        }
        catch {
            // Never quote the text: it holds the secret values.
            throw new errors_InputError('create-secrets', '(hidden)', 'a YAML/JSON mapping of [namespace/]secret-name to { KEY: value }, or lines [namespace/]secret-name:KEY=value');
        }
        if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
            throw new errors_InputError('create-secrets', '(hidden)', 'a YAML/JSON mapping of [namespace/]secret-name to { KEY: value }, or lines [namespace/]secret-name:KEY=value');
        }
        // Mask every value first, so a later validation error cannot print one.
        for (const keys of Object.values(doc)) {
            if (keys && typeof keys === 'object')
                for (const v of Object.values(keys))
                    maskSecret(String(v ?? ''));
        }
        for (const [target, keys] of Object.entries(doc)) {
            if (!keys || typeof keys !== 'object' || Array.isArray(keys)) {
                throw new errors_InputError('create-secrets', target, 'each secret name mapped to { KEY: value }');
            }
            for (const [key, value] of Object.entries(keys)) {
                add(target, key, typeof value === 'string' ? value : JSON.stringify(value), `${target}: ${key}`);
            }
        }
    }
    else {
        const lines = trimmed
            .split('\n')
            .map(l => l.trim())
            .filter(l => l && !l.startsWith('#'));
        for (const line of lines) {
            const eq = line.indexOf('=');
            if (eq > 0)
                maskSecret(line.slice(eq + 1));
        }
        for (const line of lines) {
            const m = /^([^\s:]+):([^=\s]+)=(.*)$/.exec(line);
            if (!m)
                throw new errors_InputError('create-secrets', line.replace(/=.*$/, '=***'), 'lines [namespace/]secret-name:KEY=value');
            add(m[1], m[2], m[3], `${m[1]}:${m[2]}`);
        }
    }
    return [...secrets.values()];
}
/** Reads and validates every input before anything touches the cluster. */
function readDeployInputs(inputs = new Inputs(), workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
    const mode = inputs.enumOf('mode', ['helm', 'manifests'], 'helm');
    const release = validateReleaseName(inputs.required('release', 'a Helm release name, e.g. k8s-stack'));
    const namespace = validateNamespace(inputs.string('namespace', 'default'));
    // Secrets first: their values are masked before any other input can echo them in an error.
    const createSecrets = parseSecrets(inputs.raw('create-secrets'), namespace);
    const kubeconfig = inputs.raw('kubeconfig');
    const chart = mode === 'helm'
        ? inputs.required('chart', 'a chart folder, a packaged .tgz, or oci://registry/repo/chart')
        : inputs.string('chart');
    if (mode === 'helm' &&
        !/^oci:\/\//.test(chart) &&
        !/^[\w.-]+\/[\w.-]+$/.test(chart) &&
        !(0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().resolve(workspace, chart))) {
        throw new errors_InputError('chart', chart, 'an existing chart folder or .tgz (relative to the workspace), or oci://registry/repo/chart');
    }
    const manifests = inputs.string('manifests', 'k8s/manifests/k8s-stack.yaml');
    if (mode === 'manifests' && !(0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().resolve(workspace, manifests))) {
        throw new errors_InputError('manifests', manifests, 'an existing file or folder of Kubernetes YAML manifests');
    }
    const valuesFiles = inputs.list('values-files');
    for (const file of valuesFiles) {
        if (!(0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().resolve(workspace, file)))
            throw new errors_InputError('values-files', file, 'existing values files (relative to the workspace)');
    }
    const allowTags = inputs.boolean('allow-tags', false);
    const imageValuePath = inputs.string('image-value-path', '{app}.image');
    if (!imageValuePath.includes('{app}') ||
        !VALUE_PATH.test(imageValuePath.split('{app}').join('app'))) {
        throw new errors_InputError('image-value-path', imageValuePath, 'a value path containing {app}, e.g. {app}.image');
    }
    const timeoutMs = inputs.duration('timeout', '5m');
    if (timeoutMs < 1000)
        throw new errors_InputError('timeout', inputs.raw('timeout'), 'a duration of at least 1s, such as 90s or 5m');
    return {
        mode,
        chart: chart && !/^oci:\/\//.test(chart) && (0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().resolve(workspace, chart))
            ? external_node_path_default().resolve(workspace, chart)
            : chart,
        chartVersion: inputs.string('chart-version'),
        manifests: external_node_path_default().resolve(workspace, manifests),
        release,
        namespace,
        valuesFiles: valuesFiles.map(f => external_node_path_default().resolve(workspace, f)),
        set: validateSetEntries('set', inputs.lines('set')),
        setString: validateSetEntries('set-string', inputs.lines('set-string')),
        images: parseImages(inputs.raw('images'), allowTags),
        imageValuePath,
        allowTags,
        kubeconfig,
        context: inputs.string('context'),
        timeoutMs,
        atomic: inputs.boolean('atomic', true),
        wait: inputs.boolean('wait', true),
        waitForJobs: inputs.boolean('wait-for-jobs', false),
        historyMax: inputs.integer('history-max', 10, 0, 1000),
        dryRun: inputs.boolean('dry-run', false),
        createSecrets,
        helmVersion: inputs.enumOf('helm-version', ['auto', '3', '4'], 'auto'),
        helm: inputs.string('helm')
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/core/exec.ts



/**
 * Runs a tool from an argv array (never a shell string), captures both streams and
 * resolves whatever the exit code; `execOrThrow` turns a failure into one error.
 */
function exec_exec(tool, args, options = {}) {
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
            reject(new ToolError(tool, null, code === 'ENOENT' ? `${tool} was not found on PATH` : error.message));
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
                reject(new ToolError(tool, null, `timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)}s`));
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
    const result = await exec_exec(tool, args, options);
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

;// CONCATENATED MODULE: ./src/core/go-buildinfo.ts

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const FLAGS_VERSION_INLINE = 0x2;
function readAt(fd, offset, length) {
    const buf = Buffer.alloc(length);
    const n = (0,external_node_fs_namespaceObject.readSync)(fd, buf, 0, length, offset);
    return buf.subarray(0, n);
}
/** Offset and size of the ELF section `name`, or undefined (not ELF, or no such section). */
function elfSection(fd, name) {
    const header = readAt(fd, 0, 64);
    if (header.length < 52 || header.toString('latin1', 0, 4) !== '\x7fELF')
        return undefined;
    const is64 = header[4] === 2;
    const le = header[5] === 1;
    const u16 = (b, o) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
    const u32 = (b, o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
    const word = (b, o) => is64 ? Number(le ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o)) : u32(b, o);
    const shoff = word(header, is64 ? 0x28 : 0x20);
    const shentsize = u16(header, is64 ? 0x3a : 0x2e);
    const shnum = u16(header, is64 ? 0x3c : 0x30);
    const shstrndx = u16(header, is64 ? 0x3e : 0x32);
    if (!shoff || !shnum || shstrndx >= shnum)
        return undefined;
    const table = readAt(fd, shoff, shentsize * shnum);
    if (table.length < shentsize * shnum)
        return undefined;
    const section = (i) => {
        const at = i * shentsize;
        return {
            name: u32(table, at),
            offset: word(table, at + (is64 ? 24 : 16)),
            size: word(table, at + (is64 ? 32 : 20))
        };
    };
    const strtab = section(shstrndx);
    const names = readAt(fd, strtab.offset, strtab.size);
    for (let i = 0; i < shnum; i++) {
        const s = section(i);
        const end = names.indexOf(0, s.name);
        if (names.toString('latin1', s.name, end < 0 ? undefined : end) === name)
            return { offset: s.offset, size: s.size };
    }
    return undefined;
}
/** A uvarint-prefixed string at `at`; the string and the offset after it. */
function varString(buf, at) {
    let length = 0;
    let shift = 0;
    let i = at;
    for (; i < buf.length; i++) {
        length += (buf[i] & 0x7f) * 2 ** shift;
        shift += 7;
        if (!(buf[i] & 0x80))
            break;
    }
    const start = i + 1;
    if (start + length > buf.length)
        throw new Error('truncated build info');
    return [buf.toString('utf8', start, start + length), start + length];
}
/** Parses the text `go version -m` shows (path, mod, dep, build lines). */
function parseModInfo(goVersion, text) {
    const info = { goVersion, path: '', settings: {}, deps: {} };
    for (const line of text.split('\n')) {
        const [kind, ...fields] = line.split('\t');
        if (kind === 'path')
            info.path = fields[0] ?? '';
        else if (kind === 'mod')
            info.module = { path: fields[0] ?? '', version: fields[1] ?? '' };
        else if (kind === 'dep' && fields[0])
            info.deps[fields[0]] = fields[1] ?? '';
        else if (kind === 'build') {
            const [key, ...value] = fields.join('\t').split('=');
            info.settings[key] = value.join('=').replace(/^"(.*)"$/, '$1');
        }
    }
    return info;
}
/**
 * Reads the build info of an ELF Go binary (Go 1.18 or later); undefined for anything else
 * (a script, another format, an older Go), where the caller asks the tool itself.
 */
function readGoBuildInfo(file) {
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(file, 'r');
    }
    catch {
        return undefined;
    }
    try {
        const section = elfSection(fd, '.go.buildinfo');
        if (!section || section.size < 32)
            return undefined;
        const data = readAt(fd, section.offset, Math.min(section.size, 1 << 20));
        if (!data.subarray(0, MAGIC.length).equals(MAGIC))
            return undefined;
        if (!(data[15] & FLAGS_VERSION_INLINE))
            return undefined;
        const [goVersion, next] = varString(data, 32);
        let [mod] = varString(data, next);
        // The module text is framed by 16-byte sentinels (cmd/go's infoStart and infoEnd).
        if (mod.length >= 33 && mod[mod.length - 17] === '\n')
            mod = mod.slice(16, -16);
        return parseModInfo(goVersion, mod);
    }
    catch {
        return undefined;
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
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
            return { path: path.join(cached, request.name), version: wanted, source: 'tool-cache' };
    }
    if (!request.release) {
        const found = seen.length ? ` Found: ${seen.join(', ')}.` : '';
        throw new Error(`${request.name}${wanted ? ` ${wanted}` : ''} was not found on PATH and no release is pinned for ${process.platform}/${process.arch}.${found} Install it or set the version input to one on PATH.`);
    }
    return { ...(await installRelease(request.release)), source: 'installed' };
}
/** Downloads a release, refuses it unless its sha256 matches, and caches it. */
async function installRelease(release) {
    core.info(`Downloading ${release.tool} ${release.version} from ${release.url}`);
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
        dir = path.dirname(downloaded);
        await chmod(downloaded, 0o755);
    }
    const binary = release.archive === 'none' ? downloaded : path.join(dir, release.binary);
    if (!existsSync(binary)) {
        throw new Error(`${release.tool} ${release.version}: the release archive has no ${release.binary}.`);
    }
    const cachedDir = await tc.cacheFile(binary, release.tool, release.tool, release.version);
    return { path: path.join(cachedDir, release.tool), version: release.version };
}
function sha256File(file) {
    return new Promise((resolve, reject) => {
        const hash = createHash('sha256');
        createReadStream(file)
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

;// CONCATENATED MODULE: ./src/helm/argv.ts

function connectionArgs(target) {
    const args = ['--namespace', target.namespace];
    if (target.kubeconfig)
        args.push('--kubeconfig', target.kubeconfig);
    if (target.context)
        args.push('--kube-context', target.context);
    return args;
}
function valueArgs(values) {
    const args = [];
    for (const file of values.valuesFiles)
        args.push('--values', file);
    for (const entry of values.set)
        args.push('--set', entry);
    for (const entry of values.setString)
        args.push('--set-string', entry);
    return args;
}
/**
 * The wait flags. Helm 3: a boolean --wait (legacy poller) that --atomic turns on by itself.
 * Helm 4: --wait takes a strategy (watcher, hookOnly, legacy; hookOnly when omitted) and a
 * bare or boolean --wait is deprecated, so we say --wait=watcher.
 */
function waitArgs(major, wait, waitForJobs) {
    if (!wait)
        return [];
    const args = [major === 4 ? '--wait=watcher' : '--wait'];
    if (waitForJobs)
        args.push('--wait-for-jobs');
    return args;
}
/** `helm upgrade --install`: the one command that installs and upgrades. Prints the release as JSON. */
function upgradeArgs(major, target, o) {
    const args = ['upgrade', o.release, o.chart, '--install', ...connectionArgs(target)];
    if (o.version)
        args.push('--version', o.version);
    args.push(...valueArgs(o));
    args.push('--timeout', formatDuration(o.timeoutMs));
    if (o.dryRun) {
        // Renders and validates against the cluster; waiting and rollback mean nothing here.
        args.push('--dry-run=server');
    }
    else {
        const wait = o.wait || o.atomic;
        if (o.atomic)
            args.push(major === 4 ? '--rollback-on-failure' : '--atomic');
        args.push(...waitArgs(major, wait, o.waitForJobs));
        if (o.historyMax !== undefined)
            args.push('--history-max', String(o.historyMax));
    }
    const labels = Object.entries(o.labels ?? {});
    if (labels.length)
        args.push('--labels', labels.map(([k, v]) => `${k}=${v}`).join(','));
    if (o.description)
        args.push('--description', o.description);
    if (o.serverValidatesFields)
        args.push('--disable-openapi-validation');
    args.push('--output', 'json');
    return args;
}
/**
 * `helm template`: client-side render, no cluster contact (lookup returns nothing). Used for
 * the diff and to learn which objects a release will hold before it is applied.
 */
function templateArgs(_major, namespace, o) {
    const args = ['template', o.release, o.chart, '--namespace', namespace];
    if (o.version)
        args.push('--version', o.version);
    args.push(...valueArgs(o));
    if (o.isUpgrade)
        args.push('--is-upgrade');
    return args;
}
function rollbackArgs(major, target, o) {
    const args = ['rollback', o.release, String(o.revision), ...connectionArgs(target)];
    args.push('--timeout', formatDuration(o.timeoutMs));
    args.push(...waitArgs(major, o.wait, o.waitForJobs));
    if (o.historyMax !== undefined)
        args.push('--history-max', String(o.historyMax));
    return args;
}
function historyArgs(target, release, max = 20) {
    return ['history', release, ...connectionArgs(target), '--max', String(max), '--output', 'json'];
}
function statusArgs(target, release, revision) {
    const args = ['status', release, ...connectionArgs(target), '--output', 'json'];
    if (revision !== undefined)
        args.push('--revision', String(revision));
    return args;
}
function getValuesArgs(target, release, all, revision) {
    const args = ['get', 'values', release, ...connectionArgs(target), '--output', 'json'];
    if (all)
        args.push('--all');
    if (revision !== undefined)
        args.push('--revision', String(revision));
    return args;
}
function getManifestArgs(target, release, revision) {
    const args = ['get', 'manifest', release, ...connectionArgs(target)];
    if (revision !== undefined)
        args.push('--revision', String(revision));
    return args;
}
/** `helm pull` of a repository or OCI chart into a directory, to hash and render it locally. */
function pullArgs(chart, destination, version) {
    const args = ['pull', chart, '--destination', destination];
    if (version)
        args.push('--version', version);
    return args;
}
const VALUE_FLAGS = new Set(['--set', '--set-string', '--set-json', '--set-literal']);
/**
 * A helm argv as the log shows it: every --set-style value replaced by *** (a value may be a
 * credential that no masker knows, e.g. one computed in a step); the keys stay readable.
 */
function displayArgs(args) {
    return args.map((arg, i) => {
        if (i === 0 || !VALUE_FLAGS.has(args[i - 1]))
            return arg;
        return arg
            .split(/(?<!\\),/)
            .map(entry => (entry.includes('=') ? `${entry.slice(0, entry.indexOf('='))}=***` : entry))
            .join(',');
    });
}
/** Major version from `helm version --template '{{.Version}}'` ("v3.22.0", "v4.3.1"). */
function parseHelmVersion(text) {
    const match = text.trim().match(/^v?(\d+)\.(\d+)\.(\d+)(?:[-+][\w.+-]*)?$/);
    if (!match)
        throw new Error(`Cannot read the Helm version from ${JSON.stringify(text.trim().slice(0, 80))}; expected vMAJOR.MINOR.PATCH`);
    const major = Number(match[1]);
    if (major !== 3 && major !== 4) {
        throw new Error(`Helm ${text.trim()} is not supported; use Helm 3 or Helm 4`);
    }
    return { version: `${match[1]}.${match[2]}.${match[3]}`, major };
}

;// CONCATENATED MODULE: ./src/helm/helm.ts








/**
 * The Helm version a Go build info names: the main package helm.sh/helm/vN/cmd/helm, and the
 * version of its module (`go install`) or of the -X version flag (release builds, `make`).
 */
function helmVersionFromBuildInfo(info) {
    const major = /^helm\.sh\/helm\/v(\d+)\/cmd\/helm$/.exec(info?.path ?? '')?.[1];
    if (!info || !major)
        return undefined;
    const semver = /^v?\d+\.\d+\.\d+(?:[-+][\w.+-]*)?$/;
    const fromModule = info.module?.version ?? '';
    const fromFlags = new RegExp(`-X[ =]?'?helm\\.sh/helm/v${major}/internal/version\\.version=(v?[\\w.+-]+)`).exec(info.settings['-ldflags'] ?? '')?.[1];
    for (const version of [fromModule, fromFlags]) {
        if (version && semver.test(version) && version.replace(/^v/, '').startsWith(`${major}.`))
            return version;
    }
    return undefined;
}
/**
 * Reads a binary's version: from its Go build info when it has one (no process started),
 * else the way Helm 3 and 4 both print it, `v3.22.0`, `v4.3.1`.
 */
async function helmVersion(binary) {
    const known = helmVersionFromBuildInfo(readGoBuildInfo(binary));
    if (known)
        return { path: binary, ...parseHelmVersion(known) };
    const result = await exec_exec(binary, ['version', '--template', '{{.Version}}'], {
        stream: false,
        timeoutMs: 30_000
    });
    if (result.exitCode !== 0)
        throw new ToolError(binary, result.exitCode, lastErrorLine(result));
    return { path: binary, ...parseHelmVersion(result.stdout) };
}
/**
 * Finds Helm: the explicit path, else every `helm` on PATH plus the extra candidates, and
 * picks the wanted major. Both majors are called `helm`, so they live in separate folders.
 */
async function findHelm(options = {}) {
    if (options.path) {
        if (!(0,external_node_fs_namespaceObject.existsSync)(options.path))
            throw new Error(`Helm binary ${options.path} does not exist; give the path of a helm 3 or 4 binary`);
        const found = await helmVersion(options.path);
        if (options.prefer && options.prefer !== 'auto' && String(found.major) !== options.prefer) {
            throw new Error(`Helm binary ${options.path} is Helm ${found.version}, not Helm ${options.prefer}`);
        }
        return found;
    }
    const candidates = [
        ...new Set([
            ...findAllOnPath('helm'),
            ...(options.extraCandidates ?? []).filter(p => p && (0,external_node_fs_namespaceObject.existsSync)(p))
        ])
    ];
    const found = [];
    for (const candidate of candidates) {
        try {
            const binary = await helmVersion(candidate);
            if (!options.prefer || options.prefer === 'auto' || String(binary.major) === options.prefer)
                return binary;
            found.push(binary);
        }
        catch {
            // Not a usable helm; keep looking.
        }
    }
    const seen = found.length
        ? ` Found: ${found.map(f => `${f.path} (${f.version})`).join(', ')}.`
        : '';
    const wanted = options.prefer && options.prefer !== 'auto' ? `Helm ${options.prefer}` : 'Helm 3 or 4';
    throw new Error(`${wanted} was not found on PATH.${seen} Install it (azure/setup-helm) or set the helm input to a binary.`);
}
/** One Helm binary bound to one cluster target; the only code that runs helm. */
class Helm {
    binary;
    target;
    constructor(binary, target) {
        this.binary = binary;
        this.target = target;
    }
    get major() {
        return this.binary.major;
    }
    run(args, options = {}) {
        // The command as run, the way @actions/exec shows one, with --set values hidden.
        info(redact(`[command]${this.binary.path} ${displayArgs(args).join(' ')}`));
        return execOrThrow(this.binary.path, args, {
            stream: options.stream ?? false,
            timeoutMs: options.timeoutMs
        });
    }
    /**
     * upgrade --install (or a server-side dry run): the release Helm printed, and the warnings
     * the API server sent back (deprecated APIs; unknown fields, which Helm 3 lets through).
     */
    async upgrade(options, runTimeoutMs) {
        const result = await this.run(upgradeArgs(this.major, this.target, options), {
            timeoutMs: runTimeoutMs
        });
        return { release: parseReleaseJson(result.stdout), warnings: serverWarnings(result.stderr) };
    }
    async template(options) {
        return (await this.run(templateArgs(this.major, this.target.namespace, options))).stdout;
    }
    async rollback(options) {
        await this.run(rollbackArgs(this.major, this.target, options), { stream: true });
    }
    async history(release) {
        return JSON.parse((await this.run(historyArgs(this.target, release))).stdout);
    }
    async status(release, revision) {
        return parseReleaseJson((await this.run(statusArgs(this.target, release, revision))).stdout);
    }
    async manifest(release, revision) {
        return (await this.run(getManifestArgs(this.target, release, revision))).stdout;
    }
    async pull(chart, destination, version) {
        await this.run(pullArgs(chart, destination, version), { stream: true });
    }
}
/**
 * The API server's warnings in a Go client's stderr, as client-go logs them through klog:
 * `W1127 15:27:46.585214 14364 warnings.go:70] "Warning: unknown field \"spec.x\""`.
 */
function serverWarnings(stderr) {
    const found = new Set();
    for (const line of stderr.split('\n')) {
        const match = /^[IWE]\d{4} [\d:.]+\s+\d+ warnings\.go:\d+\] (.*)$/.exec(line.trim());
        if (!match)
            continue;
        let text = match[1];
        if (text.startsWith('"') && text.endsWith('"')) {
            try {
                text = JSON.parse(text);
            }
            catch {
                // Not a quoted Go string after all: keep it as printed.
            }
        }
        found.add(text.replace(/^Warning: /, ''));
    }
    return [...found];
}
/** Helm prints the release as JSON after warnings on some versions: parse from the first '{'. */
function parseReleaseJson(stdout) {
    const start = stdout.indexOf('{');
    if (start < 0)
        throw new Error(`helm printed no release JSON: ${stdout.trim().split('\n').pop() ?? ''}`);
    return JSON.parse(stdout.slice(start));
}

;// CONCATENATED MODULE: ./src/helm/manifest.ts


/** "Deployment backend/api", the way objects are named in every message. */
function objectName(o) {
    return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}
/**
 * Splits a multi-document YAML stream at its `---` lines, without parsing: what a diff of
 * two manifests needs to skip the documents that did not change. A marker line that carries
 * content (`--- {a: 1}`) keeps the stream whole, to be split by the parser.
 */
function splitDocuments(text) {
    if (/^---[ \t]+[^#\s]/m.test(text))
        return [text];
    return text
        .split(/^---[ \t]*(?:#[^\n]*)?$/m)
        .map(doc => doc.trim())
        .filter(doc => doc.split('\n').some(line => line.trim() && !line.trim().startsWith('#')));
}
/** Documents that may hold a workload with a pod template (a cheap filter before parsing). */
const WORKLOAD_DOCUMENT = /\bkind["']?\s*:\s*["']?(Deployment|StatefulSet)\b/;
/** Documents that may name a container image. */
const IMAGE_DOCUMENT = /\bimage["']?\s*:/;
/**
 * Splits a multi-document manifest (helm template / helm get manifest) into objects.
 * Objects without a namespace take `defaultNamespace` when their kind is namespaced.
 * `only` parses just the documents whose text matches it (YAML parsing is the costly part).
 */
function parseManifest(text, defaultNamespace = '', only) {
    if (only)
        text = splitDocuments(text)
            .filter(doc => only.test(doc))
            .join('\n---\n');
    const objects = [];
    let docs;
    try {
        docs = yaml_parseYamlDocuments(text);
    }
    catch (error) {
        throw new Error(`The rendered manifest is not valid YAML: ${error.message}`);
    }
    for (const doc of docs) {
        const body = doc;
        if (!body || typeof body !== 'object' || !body.kind)
            continue;
        const metadata = (body.metadata ?? {});
        const kind = String(body.kind);
        const namespace = typeof metadata.namespace === 'string'
            ? metadata.namespace
            : CLUSTER_SCOPED.has(kind)
                ? ''
                : defaultNamespace;
        let canonical;
        objects.push({
            apiVersion: String(body.apiVersion ?? ''),
            kind,
            name: String(metadata.name ?? ''),
            namespace,
            // Computed on first use: only a diff needs it, and it is the costly part.
            get yaml() {
                canonical ??= stringifyYaml(kind === 'Secret' ? hideSecretValues(body) : body, {
                    sortKeys: true
                });
                return canonical;
            },
            body
        });
    }
    return objects;
}
// Per-process key: a change still shows in the diff, but no hash can be guessed offline.
const manifest_SECRET_KEY = (0,external_node_crypto_.randomBytes)(32);
/** A Secret's values never reach a diff: each becomes a keyed hash, so a change still shows. */
function hideSecretValues(body) {
    const copy = { ...body };
    for (const field of ['data', 'stringData']) {
        const values = body[field];
        if (!values || typeof values !== 'object')
            continue;
        copy[field] = Object.fromEntries(Object.entries(values).map(([k, v]) => [
            k,
            `(hidden ${(0,external_node_crypto_.createHmac)('sha256', manifest_SECRET_KEY).update(String(v)).digest('hex').slice(0, 8)})`
        ]));
    }
    return copy;
}
const CLUSTER_SCOPED = new Set([
    'Namespace',
    'ClusterRole',
    'ClusterRoleBinding',
    'CustomResourceDefinition',
    'PriorityClass',
    'StorageClass',
    'IngressClass',
    'PersistentVolume',
    'ValidatingWebhookConfiguration',
    'MutatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding'
]);
function keyOf(o) {
    const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
    return `${group}/${o.kind}/${o.namespace}/${o.name}`;
}
/**
 * The diff of two manifests as text: documents found unchanged in both are not parsed, so an
 * upgrade that changes one image parses two documents, not the whole release.
 */
function diffManifestTexts(live, next, defaultNamespace = '') {
    const before = splitDocuments(live);
    const after = splitDocuments(next);
    const inBefore = new Set(before);
    const inAfter = new Set(after);
    const parse = (docs) => parseManifest(docs.join('\n---\n'), defaultNamespace);
    return diffManifests(parse(before.filter(doc => !inAfter.has(doc))), parse(after.filter(doc => !inBefore.has(doc))));
}
/** Per-object diff of two renders: what `live` becomes when `next` is applied. */
function diffManifests(live, next) {
    const before = new Map(live.map(o => [keyOf(o), o]));
    const after = new Map(next.map(o => [keyOf(o), o]));
    const changes = [];
    for (const [key, o] of after) {
        const old = before.get(key);
        if (!old)
            changes.push({ object: objectName(o), change: 'added', lines: [] });
        else if (old.yaml !== o.yaml)
            changes.push({ object: objectName(o), change: 'changed', lines: lineDiff(old.yaml, o.yaml) });
    }
    for (const [key, o] of before)
        if (!after.has(key))
            changes.push({ object: objectName(o), change: 'removed', lines: [] });
    return changes;
}
/** A unified-style diff of two texts: changed lines with one line of context, hunks split by '...'. */
function lineDiff(a, b, context = 1) {
    const x = a.replace(/\n$/, '').split('\n');
    const y = b.replace(/\n$/, '').split('\n');
    // LCS table; rendered objects are a few hundred lines at most.
    const n = x.length;
    const m = y.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const ops = [];
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
        if (x[i] === y[j]) {
            ops.push({ op: ' ', line: x[i] });
            i++;
            j++;
        }
        else if (lcs[i + 1][j] >= lcs[i][j + 1])
            ops.push({ op: '-', line: x[i++] });
        else
            ops.push({ op: '+', line: y[j++] });
    }
    while (i < n)
        ops.push({ op: '-', line: x[i++] });
    while (j < m)
        ops.push({ op: '+', line: y[j++] });
    const keep = ops.map(() => false);
    ops.forEach((o, k) => {
        if (o.op === ' ')
            return;
        for (let c = Math.max(0, k - context); c <= Math.min(ops.length - 1, k + context); c++)
            keep[c] = true;
    });
    const out = [];
    let gap = false;
    ops.forEach((o, k) => {
        if (!keep[k]) {
            gap = true;
            return;
        }
        if (gap && out.length)
            out.push('...');
        gap = false;
        out.push(`${o.op} ${o.line}`);
    });
    return out;
}
/** Kinds whose pods run images, and where their pod spec is. */
function podSpecOf(o) {
    const spec = o.body.spec;
    if (!spec)
        return undefined;
    if (o.kind === 'Pod')
        return spec;
    if (o.kind === 'CronJob') {
        const job = spec.jobTemplate?.spec;
        return job?.template?.spec;
    }
    return spec.template?.spec;
}
/** The images each workload runs: { "Deployment backend/api": { api: "repo@sha256:..." } }. */
function imagesOf(objects) {
    const images = {};
    for (const o of objects) {
        const pod = podSpecOf(o);
        if (!pod)
            continue;
        const containers = [
            ...(pod.initContainers ?? []),
            ...(pod.containers ?? [])
        ];
        const byName = {};
        for (const c of containers)
            if (typeof c.image === 'string')
                byName[String(c.name)] = c.image;
        if (Object.keys(byName).length)
            images[objectName(o)] = byName;
    }
    return images;
}
/** Markdown for the job summary: one line per object, changed lines in a diff block. */
function diffMarkdown(changes, maxLines = 400) {
    if (changes.length === 0)
        return "No changes to the release's objects.\n";
    const icon = { added: '➕ added', removed: '➖ removed', changed: '✏️ changed' };
    const out = [];
    let budget = maxLines;
    for (const c of changes) {
        out.push(`- ${icon[c.change]}: \`${c.object}\``);
        if (c.lines.length && budget > 0) {
            const shown = c.lines.slice(0, budget);
            budget -= shown.length;
            out.push('', '```diff', ...shown.map(l => (l === '...' ? '@@ ... @@' : l)), ...(shown.length < c.lines.length ? ['@@ (truncated) @@'] : []), '```', '');
        }
    }
    return `${out.join('\n')}\n`;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
;// CONCATENATED MODULE: ./src/helm/release.ts




/**
 * Decodes a release record from Helm's Secret storage driver (both Helm 3 and 4 store
 * `sh.helm.release.v1.<name>.v<N>`): Secret data `release` = base64(base64(gzip(JSON))).
 * `data` is the Secret's data.release as the API returns it (one base64 layer).
 */
function decodeReleaseSecret(data) {
    const inner = Buffer.from(data, 'base64').toString('utf8');
    let bytes = Buffer.from(inner, 'base64');
    // gzip magic: Helm compresses; older records may not be.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b)
        bytes = (0,external_node_zlib_.gunzipSync)(bytes);
    return JSON.parse(bytes.toString('utf8'));
}
/** The release label that carries a deploy's fingerprint (Helm --labels; on the release Secret). */
const FINGERPRINT_LABEL = 'k8s-stack-fingerprint';
/** Label values hold at most 63 characters: 56 hex digits of sha256 (224 bits) fit. */
const FINGERPRINT_LENGTH = 56;
/**
 * sha256 of a chart: of the packaged file, or of a chart directory's files (relative paths
 * and contents, in sorted order; .git and other hidden folders skipped).
 */
function chartDigest(chartPath) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const st = (0,external_node_fs_namespaceObject.statSync)(chartPath);
    if (st.isFile())
        return `sha256:${hash.update((0,external_node_fs_namespaceObject.readFileSync)(chartPath)).digest('hex')}`;
    const walk = (dir) => (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true })
        .filter(e => !(e.isDirectory() && e.name.startsWith('.')))
        .flatMap(e => e.isDirectory() ? walk(external_node_path_default().join(dir, e.name)) : e.isFile() ? [external_node_path_default().join(dir, e.name)] : []);
    for (const file of walk(chartPath).sort()) {
        const rel = external_node_path_default().relative(chartPath, file).split((external_node_path_default()).sep).join('/');
        const content = (0,external_node_fs_namespaceObject.readFileSync)(file);
        hash.update(`${rel}\0${content.length}\0`).update(content);
    }
    return `sha256:${hash.digest('hex')}`;
}
/**
 * What makes two deploys the same: the chart's bytes, the values files' contents, every
 * --set (images included) and the namespace. Equal fingerprints render equal releases.
 */
function releaseFingerprint(parts) {
    const canonical = JSON.stringify([
        'k8s-stack/v1',
        parts.chartDigest,
        parts.chartVersion ?? '',
        parts.namespace,
        parts.valuesFiles,
        parts.set,
        parts.setString
    ]);
    return (0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex').slice(0, FINGERPRINT_LENGTH);
}
/**
 * A release's records from the Secret storage driver's objects (label owner=helm,
 * name=<release>), newest revision first.
 */
function releaseRecords(secrets) {
    return secrets
        .filter(s => s.metadata.labels?.owner === 'helm' && s.data?.release)
        .map(s => ({
        revision: Number(s.metadata.labels?.version ?? 0),
        status: s.metadata.labels?.status ?? 'unknown',
        labels: s.metadata.labels ?? {},
        data: s.data?.release ?? ''
    }))
        .sort((a, b) => b.revision - a.revision);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
;// CONCATENATED MODULE: ./src/kube/kubeconfig-parse.ts




/** A kubeconfig that cannot be used; the message never holds credential material. */
class KubeconfigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'KubeconfigError';
    }
}
function entries(doc, list, field) {
    const raw = doc[list];
    if (raw === undefined || raw === null)
        return [];
    if (!Array.isArray(raw))
        throw new KubeconfigError(`kubeconfig: "${list}" is not a list`);
    return raw.map((entry, i) => {
        const e = (entry ?? {});
        if (typeof e.name !== 'string' || e.name === '') {
            throw new KubeconfigError(`kubeconfig: ${list}[${i}] has no name`);
        }
        return { name: e.name, value: (e[field] ?? {}) };
    });
}
/** Parses kubeconfig YAML; relative file paths resolve against `baseDir`. */
function parseKubeconfigDocument(text, baseDir = process.cwd()) {
    let doc;
    try {
        doc = parseYaml(text);
    }
    catch (error) {
        // The YAML error quotes the offending text, which may be a key: keep only its kind.
        const kind = error instanceof Error ? error.name : 'error';
        throw new KubeconfigError(`kubeconfig is not valid YAML (${kind})`);
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new KubeconfigError('kubeconfig is not a YAML mapping (expected apiVersion: v1, kind: Config)');
    }
    const d = doc;
    const result = {
        currentContext: typeof d['current-context'] === 'string' ? d['current-context'] : '',
        clusters: new Map(),
        users: new Map(),
        contexts: new Map()
    };
    for (const c of entries(d, 'clusters', 'cluster'))
        result.clusters.set(c.name, { value: c.value, dir: baseDir });
    for (const u of entries(d, 'users', 'user'))
        result.users.set(u.name, { value: u.value, dir: baseDir });
    for (const c of entries(d, 'contexts', 'context'))
        result.contexts.set(c.name, c.value);
    return result;
}
function kubeconfig_parse_merge(into, from) {
    into.currentContext ||= from.currentContext;
    for (const [k, v] of from.clusters)
        if (!into.clusters.has(k))
            into.clusters.set(k, v);
    for (const [k, v] of from.users)
        if (!into.users.has(k))
            into.users.set(k, v);
    for (const [k, v] of from.contexts)
        if (!into.contexts.has(k))
            into.contexts.set(k, v);
}
function kubeconfig_parse_str(o, key) {
    const v = o[key];
    return typeof v === 'string' && v !== '' ? v : undefined;
}
function fileOrData(o, fileKey, dataKey, dir, what) {
    const data = kubeconfig_parse_str(o, dataKey);
    if (data) {
        const buf = Buffer.from(data.replace(/\s+/g, ''), 'base64');
        if (buf.length === 0)
            throw new KubeconfigError(`kubeconfig: ${what} ${dataKey} is not base64`);
        return buf;
    }
    const file = kubeconfig_parse_str(o, fileKey);
    if (!file)
        return undefined;
    const full = external_node_path_default().resolve(dir, file);
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(full);
    }
    catch {
        throw new KubeconfigError(`kubeconfig: ${what} ${fileKey} ${full} cannot be read`);
    }
}
/** Resolves one context (the named one, else current-context) into a connection. */
function resolveContext(doc, contextName) {
    const name = contextName || doc.currentContext;
    if (!name) {
        throw new KubeconfigError(`kubeconfig has no current-context; name one of: ${[...doc.contexts.keys()].join(', ') || '(no contexts)'}`);
    }
    const context = doc.contexts.get(name);
    if (!context) {
        throw new KubeconfigError(`kubeconfig has no context "${name}"; it has: ${[...doc.contexts.keys()].join(', ') || '(no contexts)'}`);
    }
    const clusterName = kubeconfig_parse_str(context, 'cluster') ?? '';
    const cluster = doc.clusters.get(clusterName);
    if (!cluster)
        throw new KubeconfigError(`kubeconfig context "${name}" names cluster "${clusterName}", which is not defined`);
    const server = kubeconfig_parse_str(cluster.value, 'server');
    if (!server || !/^https?:\/\/[^/]/.test(server)) {
        throw new KubeconfigError(`kubeconfig cluster "${clusterName}" has no server URL (https://host:port)`);
    }
    const userName = kubeconfig_parse_str(context, 'user');
    const user = userName ? doc.users.get(userName) : undefined;
    if (userName && !user)
        throw new KubeconfigError(`kubeconfig context "${name}" names user "${userName}", which is not defined`);
    const u = user?.value ?? {};
    if (u.exec || u['auth-provider']) {
        throw new KubeconfigError(`kubeconfig user "${userName}" uses an ${u.exec ? 'exec' : 'auth-provider'} credential plugin, which is not supported; use a token or client certificate`);
    }
    let token = kubeconfig_parse_str(u, 'token');
    const tokenFile = kubeconfig_parse_str(u, 'tokenFile');
    if (!token && tokenFile) {
        try {
            token = (0,external_node_fs_namespaceObject.readFileSync)(external_node_path_default().resolve(user.dir, tokenFile), 'utf8').trim();
        }
        catch {
            throw new KubeconfigError(`kubeconfig user "${userName}" tokenFile cannot be read`);
        }
    }
    const connection = {
        context: name,
        server: server.replace(/\/+$/, ''),
        namespace: kubeconfig_parse_str(context, 'namespace') ?? 'default',
        ca: fileOrData(cluster.value, 'certificate-authority', 'certificate-authority-data', cluster.dir, `cluster "${clusterName}"`),
        insecureSkipTlsVerify: cluster.value['insecure-skip-tls-verify'] === true,
        tlsServerName: kubeconfig_parse_str(cluster.value, 'tls-server-name'),
        cert: user
            ? fileOrData(u, 'client-certificate', 'client-certificate-data', user.dir, `user "${userName}"`)
            : undefined,
        key: user
            ? fileOrData(u, 'client-key', 'client-key-data', user.dir, `user "${userName}"`)
            : undefined,
        token,
        username: kubeconfig_parse_str(u, 'username'),
        password: kubeconfig_parse_str(u, 'password')
    };
    if (Boolean(connection.cert) !== Boolean(connection.key)) {
        throw new KubeconfigError(`kubeconfig user "${userName}" has a client certificate without its key (or a key without its certificate)`);
    }
    return connection;
}
/** Parses kubeconfig text and resolves a context in one step. */
function parseKubeconfig(text, options = {}) {
    return resolveContext(parseKubeconfigDocument(text, options.baseDir), options.context);
}
/** The kubeconfig files kubectl would read: `file`, else $KUBECONFIG (a path list), else ~/.kube/config. */
function kubeconfigFiles(file, env = process.env) {
    if (file)
        return [file];
    const list = (env.KUBECONFIG ?? '').split((external_node_path_default()).delimiter).filter(Boolean);
    return list.length ? list : [external_node_path_default().join((0,external_node_os_namespaceObject.homedir)(), '.kube', 'config')];
}
/** Loads and merges kubeconfig files (first wins) and resolves a context. */
function loadKubeconfig(options = {}) {
    const files = kubeconfigFiles(options.file);
    const merged = {
        currentContext: '',
        clusters: new Map(),
        users: new Map(),
        contexts: new Map()
    };
    let read = 0;
    for (const file of files) {
        if (!(0,external_node_fs_namespaceObject.existsSync)(file)) {
            if (options.file)
                throw new KubeconfigError(`kubeconfig file ${file} does not exist`);
            continue;
        }
        kubeconfig_parse_merge(merged, parseKubeconfigDocument((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8'), external_node_path_default().dirname(external_node_path_default().resolve(file))));
        read++;
    }
    if (read === 0)
        throw new KubeconfigError(`no kubeconfig found (looked at ${files.join(', ')})`);
    return resolveContext(merged, options.context);
}

;// CONCATENATED MODULE: ./src/kube/resources.ts
const KNOWN = [
    ['Namespace', '', 'v1', 'namespaces', false],
    ['Node', '', 'v1', 'nodes', false],
    ['Pod', '', 'v1', 'pods', true],
    ['Service', '', 'v1', 'services', true],
    ['Secret', '', 'v1', 'secrets', true],
    ['ConfigMap', '', 'v1', 'configmaps', true],
    ['ServiceAccount', '', 'v1', 'serviceaccounts', true],
    ['Event', '', 'v1', 'events', true],
    ['Endpoints', '', 'v1', 'endpoints', true],
    ['PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', true],
    ['Deployment', 'apps', 'v1', 'deployments', true],
    ['StatefulSet', 'apps', 'v1', 'statefulsets', true],
    ['DaemonSet', 'apps', 'v1', 'daemonsets', true],
    ['ReplicaSet', 'apps', 'v1', 'replicasets', true],
    ['ControllerRevision', 'apps', 'v1', 'controllerrevisions', true],
    ['Job', 'batch', 'v1', 'jobs', true],
    ['CronJob', 'batch', 'v1', 'cronjobs', true],
    ['HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', true],
    ['NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', true],
    ['Ingress', 'networking.k8s.io', 'v1', 'ingresses', true],
    ['IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', false],
    ['PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets', true],
    ['Role', 'rbac.authorization.k8s.io', 'v1', 'roles', true],
    ['RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', true],
    ['ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', false],
    ['ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', false],
    ['Lease', 'coordination.k8s.io', 'v1', 'leases', true],
    ['CustomResourceDefinition', 'apiextensions.k8s.io', 'v1', 'customresourcedefinitions', false]
].map(([kind, group, version, plural, namespaced]) => ({
    kind: kind,
    group: group,
    version: version,
    plural: plural,
    namespaced: namespaced
}));
const BY_KIND = new Map(KNOWN.map(t => [t.kind.toLowerCase(), t]));
/** The well-known types by kind (Deployment, Secret, ...), at their GA version. */
function resourceType(kind) {
    const type = BY_KIND.get(kind.toLowerCase());
    if (!type)
        throw new Error(`Unknown kind "${kind}": give its apiVersion (resourceFor) or a ResourceType`);
    return type;
}
/**
 * The type of an object from its apiVersion and kind. Kinds outside the table get the
 * conventional lower-case plural and are taken as namespaced unless `namespaced` says.
 */
function resourceFor(apiVersion, kind, namespaced) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
    const known = BY_KIND.get(kind.toLowerCase());
    if (known && known.group === group)
        return { ...known, version };
    const lower = kind.toLowerCase();
    const plural = /(s|x|z|ch|sh)$/.test(lower)
        ? `${lower}es`
        : /[^aeiou]y$/.test(lower)
            ? `${lower.slice(0, -1)}ies`
            : `${lower}s`;
    return { kind, group, version, plural, namespaced: namespaced ?? true };
}
function apiVersionOf(type) {
    return type.group ? `${type.group}/${type.version}` : type.version;
}
/** The REST path of a collection (name omitted) or an object; no namespace means all namespaces. */
function resourcePath(type, namespace, name) {
    const base = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
    const ns = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    const obj = name ? `/${encodeURIComponent(name)}` : '';
    return `${base}${ns}/${type.plural}${obj}`;
}
/** "Deployment backend/api" for messages. */
function describeObject(o, kind = o.kind ?? 'object') {
    return `${kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
}
/** The label-selector string for a map of labels (key=value,...). */
function labelSelector(labels) {
    return Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
}

;// CONCATENATED MODULE: ./src/kube/api.ts







/** An API call answered with an error status; `message` is the server's own message. */
class KubeApiError extends Error {
    status;
    reason;
    method;
    path;
    constructor(status, reason, message, method, path) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.method = method;
        this.path = path;
        this.name = 'KubeApiError';
    }
}
/** The API server could not be reached (connection refused, TLS, DNS, timeout). */
class KubeConnectionError extends Error {
    constructor(message) {
        super(message);
        this.name = 'KubeConnectionError';
    }
}
function typeOf(ref) {
    return typeof ref === 'string' ? resourceType(ref) : ref;
}
function queryString(query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {}))
        if (v !== undefined && v !== '')
            params.set(k, String(v));
    const text = params.toString();
    return text ? `?${text}` : '';
}
/**
 * A small client of the Kubernetes REST API over node:https: the kubeconfig's TLS and
 * credentials, JSON get/list/apply/delete, raw requests (service proxy) and watch streams.
 */
class KubeClient {
    connection;
    agent;
    url;
    constructor(connection) {
        this.connection = connection;
        this.url = new URL(connection.server);
        const options = {
            keepAlive: true,
            ca: connection.ca,
            cert: connection.cert,
            key: connection.key,
            rejectUnauthorized: !connection.insecureSkipTlsVerify,
            servername: connection.tlsServerName
        };
        this.agent =
            this.url.protocol === 'https:'
                ? new (external_node_https_default()).Agent(options)
                : new (external_node_http_default()).Agent({ keepAlive: true });
    }
    /** From kubeconfig text (raw YAML). */
    static fromText(text, context) {
        return new KubeClient(parseKubeconfig(text, { context }));
    }
    /** From a kubeconfig file, or $KUBECONFIG / ~/.kube/config. */
    static fromFile(file, context) {
        return new KubeClient(loadKubeconfig({ file, context }));
    }
    get namespace() {
        return this.connection.namespace;
    }
    /** Releases pooled connections (so a process can exit promptly). */
    close() {
        this.agent.destroy();
    }
    authHeaders() {
        if (this.connection.token)
            return { authorization: `Bearer ${this.connection.token}` };
        if (this.connection.username !== undefined && this.connection.password !== undefined) {
            const basic = Buffer.from(`${this.connection.username}:${this.connection.password}`).toString('base64');
            return { authorization: `Basic ${basic}` };
        }
        return {};
    }
    /** Starts a request and resolves with the response head (body not yet read). */
    open(method, path, options) {
        const basePath = this.url.pathname.replace(/\/+$/, '');
        const transport = this.url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
        return new Promise((resolve, reject) => {
            const req = transport.request({
                method,
                protocol: this.url.protocol,
                hostname: this.url.hostname.replace(/^\[|\]$/g, ''),
                port: this.url.port || (this.url.protocol === 'https:' ? 443 : 80),
                path: `${basePath}${path}${queryString(options.query)}`,
                agent: this.agent,
                headers: {
                    accept: 'application/json',
                    'user-agent': 'k8s-stack',
                    ...this.authHeaders(),
                    ...options.headers,
                    ...(options.body !== undefined
                        ? { 'content-length': String(Buffer.byteLength(options.body)) }
                        : {})
                }
            });
            // Not http.request's own `signal`: with a keep-alive agent it destroys the pooled
            // socket with an error nobody listens to once the response has been read.
            const signal = options.signal;
            let response;
            const onAbort = () => {
                if (response) {
                    // Ends a body being read; a complete one (socket back in the pool) is left alone.
                    if (!response.complete)
                        response.destroy();
                    return;
                }
                const error = new Error('The operation was aborted');
                error.name = 'AbortError';
                req.destroy(error);
            };
            if (signal?.aborted)
                onAbort();
            signal?.addEventListener('abort', onAbort, { once: true });
            req.on('response', res => {
                response = res;
                res.on('close', () => signal?.removeEventListener('abort', onAbort));
                resolve({ req, res });
            });
            req.on('error', error => reject(this.connectionError(error, method, path)));
            if (options.body !== undefined)
                req.end(options.body);
            else
                req.end();
        });
    }
    connectionError(error, method, path) {
        if (error.name === 'AbortError')
            return error;
        const code = error.code;
        return new KubeConnectionError(`Cannot reach the Kubernetes API server ${this.connection.server} (${method} ${path.split('?')[0]}): ${code ? `${code} ` : ''}${error.message}`);
    }
    /** Any request; resolves with status, headers and body whatever the status. */
    async raw(method, path, options = {}) {
        const timeoutMs = options.timeoutMs ?? 30_000;
        const controller = new AbortController();
        const onAbort = () => controller.abort();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const timer = setTimeout(() => controller.abort(), timeoutMs);
        try {
            const { res } = await this.open(method, path, { ...options, signal: controller.signal });
            const chunks = [];
            for await (const chunk of res)
                chunks.push(chunk);
            return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) };
        }
        catch (error) {
            if (controller.signal.aborted && !options.signal?.aborted) {
                throw new KubeConnectionError(`Kubernetes API request ${method} ${path.split('?')[0]} timed out after ${timeoutMs} ms`);
            }
            throw error;
        }
        finally {
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
        }
    }
    /** A JSON request; an error status throws KubeApiError with the server's message. */
    async request(method, path, options = {}) {
        const res = await this.raw(method, path, options);
        const text = res.body.toString();
        if (res.status >= 400)
            throw apiError(res.status, text, method, path);
        return (text ? JSON.parse(text) : undefined);
    }
    /** The server's version (GET /version); minor as a number ("27+" on some providers is 27). */
    async serverVersion() {
        const v = await this.request('GET', '/version');
        return {
            major: Number.parseInt(v?.major ?? '', 10) || 0,
            minor: Number.parseInt(v?.minor ?? '', 10) || 0,
            gitVersion: v?.gitVersion ?? ''
        };
    }
    async get(type, name, namespace) {
        const t = typeOf(type);
        return this.request('GET', resourcePath(t, t.namespaced ? (namespace ?? this.namespace) : undefined, name));
    }
    /** Like get, but undefined when the object does not exist. */
    async find(type, name, namespace) {
        try {
            return await this.get(type, name, namespace);
        }
        catch (error) {
            if (error instanceof KubeApiError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /** Lists a kind (every page); no namespace means all namespaces. */
    async list(type, options = {}) {
        const t = typeOf(type);
        const items = [];
        let cont;
        let resourceVersion;
        do {
            const page = await this.request('GET', resourcePath(t, options.namespace), {
                query: {
                    labelSelector: options.labelSelector,
                    fieldSelector: options.fieldSelector,
                    limit: options.limit ?? 500,
                    continue: cont
                }
            });
            items.push(...page.items);
            cont = page.metadata?.continue || undefined;
            resourceVersion = page.metadata?.resourceVersion;
        } while (cont);
        return { items, metadata: { resourceVersion } };
    }
    /**
     * Server-side apply (PATCH application/apply-patch+yaml) of one object: created when
     * missing, updated in the fields this field manager owns.
     */
    async apply(object, options) {
        if (!object.apiVersion || !object.kind || !object.metadata?.name) {
            throw new Error('apply needs an object with apiVersion, kind and metadata.name');
        }
        const t = options.type ?? resourceFor(object.apiVersion, object.kind);
        const namespace = t.namespaced ? (object.metadata.namespace ?? this.namespace) : undefined;
        const body = t.namespaced ? { ...object, metadata: { ...object.metadata, namespace } } : object;
        return this.request('PATCH', resourcePath(t, namespace, object.metadata.name), {
            query: {
                fieldManager: options.fieldManager,
                force: options.force || undefined,
                dryRun: options.dryRun ? 'All' : undefined
            },
            // JSON is YAML: the apply-patch+yaml body needs no YAML writer.
            headers: { 'content-type': 'application/apply-patch+yaml' },
            body: JSON.stringify(body)
        });
    }
    /** Deletes an object; false when it did not exist. */
    async delete(type, name, namespace, options = {}) {
        const t = typeOf(type);
        try {
            await this.request('DELETE', resourcePath(t, t.namespaced ? (namespace ?? this.namespace) : undefined, name), {
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({
                    kind: 'DeleteOptions',
                    apiVersion: 'v1',
                    propagationPolicy: options.propagationPolicy ?? 'Background',
                    gracePeriodSeconds: options.gracePeriodSeconds
                })
            });
            return true;
        }
        catch (error) {
            if (error instanceof KubeApiError && error.status === 404)
                return false;
            throw error;
        }
    }
    /**
     * One watch stream: calls `onEvent` for each event as it arrives, and resolves when the
     * server closes the stream ('closed'), the resourceVersion is too old ('expired': list
     * again) or `signal` aborts. BOOKMARK events only advance the resourceVersion.
     */
    async watch(type, options, onEvent) {
        const t = typeOf(type);
        const path = resourcePath(t, options.namespace);
        let resourceVersion = options.resourceVersion;
        if (options.signal?.aborted)
            return { reason: 'aborted', resourceVersion };
        let opened;
        try {
            opened = await this.open('GET', path, {
                query: {
                    watch: 1,
                    allowWatchBookmarks: true,
                    resourceVersion,
                    labelSelector: options.labelSelector,
                    fieldSelector: options.fieldSelector,
                    timeoutSeconds: options.timeoutSeconds ?? 300
                },
                signal: options.signal
            });
        }
        catch (error) {
            if (options.signal?.aborted)
                return { reason: 'aborted', resourceVersion };
            throw error;
        }
        const { res } = opened;
        if ((res.statusCode ?? 0) >= 400) {
            const chunks = [];
            for await (const chunk of res)
                chunks.push(chunk);
            if (res.statusCode === 410)
                return { reason: 'expired', resourceVersion };
            throw apiError(res.statusCode ?? 0, Buffer.concat(chunks).toString(), 'GET', path);
        }
        let pending = '';
        try {
            for await (const chunk of res) {
                pending += chunk.toString();
                let newline;
                while ((newline = pending.indexOf('\n')) >= 0) {
                    const line = pending.slice(0, newline).trim();
                    pending = pending.slice(newline + 1);
                    if (!line)
                        continue;
                    const event = JSON.parse(line);
                    if (event.type === 'ERROR') {
                        const status = event.object;
                        if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone') {
                            res.destroy();
                            return { reason: 'expired', resourceVersion };
                        }
                        res.destroy();
                        throw new KubeApiError(status.code ?? 500, status.reason ?? 'Error', status.message ?? 'watch error', 'GET', path);
                    }
                    resourceVersion = event.object?.metadata?.resourceVersion ?? resourceVersion;
                    if (event.type !== 'BOOKMARK')
                        onEvent(event);
                }
            }
        }
        catch (error) {
            if (options.signal?.aborted)
                return { reason: 'aborted', resourceVersion };
            // A stream cut mid-way (server restart, proxy) is reconnectable, like a close.
            if (error.code === 'ECONNRESET' ||
                error.name === 'AbortError') {
                return { reason: 'closed', resourceVersion };
            }
            throw error;
        }
        return { reason: options.signal?.aborted ? 'aborted' : 'closed', resourceVersion };
    }
    /**
     * List then watch, reconnecting when a stream closes and listing again when its
     * resourceVersion expires, until `signal` aborts. `onChange` gets the current objects
     * (keyed namespace/name) after the initial list and after every event.
     */
    async listWatch(type, options, onChange) {
        const objects = new Map();
        const key = (o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
        let failures = 0;
        while (!options.signal.aborted) {
            let list;
            try {
                list = await this.list(type, options);
            }
            catch (error) {
                if (options.signal.aborted)
                    return;
                if (!(error instanceof KubeConnectionError) || ++failures > 5)
                    throw error;
                await sleep(Math.min(200 * 2 ** failures, 5000), options.signal);
                continue;
            }
            objects.clear();
            for (const item of list.items)
                objects.set(key(item), item);
            onChange(objects);
            let resourceVersion = list.metadata.resourceVersion;
            for (;;) {
                let end;
                try {
                    end = await this.watch(type, { ...options, resourceVersion }, event => {
                        if (event.type === 'DELETED')
                            objects.delete(key(event.object));
                        else
                            objects.set(key(event.object), event.object);
                        onChange(objects, event);
                    });
                    failures = 0;
                }
                catch (error) {
                    if (options.signal.aborted)
                        return;
                    if (!(error instanceof KubeConnectionError) || ++failures > 5)
                        throw error;
                    await sleep(Math.min(200 * 2 ** failures, 5000), options.signal);
                    continue;
                }
                if (end.reason === 'aborted')
                    return;
                if (end.reason === 'expired')
                    break;
                resourceVersion = end.resourceVersion;
            }
        }
    }
}
function apiError(status, text, method, path) {
    let reason = (external_node_http_default()).STATUS_CODES[status] ?? 'Error';
    let message = text.trim() || `${method} ${path} answered ${status}`;
    try {
        const body = JSON.parse(text);
        reason = body.reason || reason;
        message = body.message || message;
    }
    catch {
        // not a Status object: keep the text
    }
    return new KubeApiError(status, reason, message.split('\n')[0].slice(0, 1000), method, path.split('?')[0]);
}
/** Resolves after `ms`, or early when `signal` aborts. */
function sleep(ms, signal) {
    return new Promise(resolve => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
/** Parses a multi-document YAML manifest into objects (empty documents dropped). */
function parseManifests(text) {
    let docs;
    try {
        docs = parseYamlDocuments(text);
    }
    catch (error) {
        throw new Error(`Invalid YAML manifest: ${error.message}`);
    }
    return docs.filter((o) => Boolean(o && typeof o === 'object'));
}

;// CONCATENATED MODULE: ./src/kube/kubeconfig.ts









/** The credential fields of a kubeconfig user, each masked on its own. */
const CREDENTIAL_FIELDS = [
    'token',
    'client-key-data',
    'client-certificate-data',
    'password',
    'username'
];
/**
 * A kubeconfig given as an input: raw YAML or its base64 (what `base64 -w0 ~/.kube/config`
 * gives, the usual form of a KUBECONFIG secret). Returns the YAML. Errors never quote it.
 */
function decodeKubeconfig(input) {
    const text = input.trim();
    if (text === '')
        throw new KubeconfigError('kubeconfig is empty');
    // YAML kubeconfigs hold a ':' (apiVersion: v1); base64 never does.
    if (!text.includes(':') && /^[A-Za-z0-9+/=\s_-]+$/.test(text)) {
        const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
        if (!decoded.includes(':'))
            throw new KubeconfigError('kubeconfig is neither YAML nor base64-encoded YAML');
        return decoded;
    }
    return text;
}
/**
 * Registers every secret part of a kubeconfig with the masker: the input as given, the
 * decoded text, and each credential field (token, client-key-data, password, ...), with the
 * base64-decoded forms of the *-data fields. Call before anything can print it.
 */
function maskKubeconfig(input, yamlText) {
    const raw = input.trim();
    // One line (base64): mask it whole. YAML: its structure lines (apiVersion: v1) are not
    // secret and would garble every manifest in the log, so the runner gets the whole text
    // and our redaction gets the credential fields below.
    if (!raw.includes('\n'))
        maskSecret(raw);
    setSecret(yamlText);
    let doc;
    try {
        doc = parseYaml(yamlText);
    }
    catch {
        return;
    }
    const users = doc?.users;
    if (!Array.isArray(users))
        return;
    for (const entry of users) {
        const user = entry?.user ?? {};
        for (const field of CREDENTIAL_FIELDS) {
            const value = user[field];
            if (typeof value !== 'string' || value === '')
                continue;
            maskSecret(value);
            if (field.endsWith('-data'))
                maskSecret(Buffer.from(value, 'base64').toString('utf8'));
        }
        const provider = user['auth-provider'];
        for (const value of Object.values(provider?.config ?? {}))
            if (typeof value === 'string')
                maskSecret(value);
    }
}
/**
 * Validates a kubeconfig (clusters, contexts and users present; the context resolves to a
 * server and credentials) and returns the connection. `context` '' means current-context.
 */
function validateKubeconfig(yamlText, context = '') {
    const doc = parseKubeconfigDocument(yamlText);
    const missing = ['clusters', 'contexts', 'users'].filter(k => doc[k].size === 0);
    if (missing.length)
        throw new KubeconfigError(`kubeconfig has no ${missing.join(', ')} (expected apiVersion: v1, kind: Config with clusters, contexts and users)`);
    return resolveContext(doc, context || undefined);
}
/** Writes the kubeconfig to a new 0600 file under `dir` (RUNNER_TEMP) and returns its path. */
async function writeKubeconfig(yamlText, dir = process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)()) {
    const folder = external_node_path_default().join(dir, `k8s-stack-kubeconfig-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    await (0,promises_namespaceObject.mkdir)(folder, { recursive: true, mode: 0o700 });
    const file = external_node_path_default().join(folder, 'config');
    await (0,promises_namespaceObject.writeFile)(file, yamlText, { mode: 0o600, flag: 'wx' });
    return file;
}
/** Removes a kubeconfig written by writeKubeconfig (and its folder); missing is fine. */
function removeKubeconfig(file) {
    if (!file || !external_node_path_default().basename(external_node_path_default().dirname(file)).startsWith('k8s-stack-kubeconfig-'))
        return;
    (0,external_node_fs_namespaceObject.rmSync)(external_node_path_default().dirname(file), { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./src/kube/rollout.ts

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];
/** Where one workload's rollout is, by the rules of `kubectl rollout status`. */
function rolloutState(kind, w) {
    const generation = w.metadata.generation ?? 0;
    const s = w.status ?? {};
    const observed = s.observedGeneration ?? 0;
    const name = w.metadata.name;
    if (kind === 'Deployment') {
        if (generation > observed)
            return { done: false, message: `Waiting for deployment "${name}" spec update to be observed` };
        const progressing = s.conditions?.find(c => c.type === 'Progressing');
        if (progressing?.reason === 'ProgressDeadlineExceeded') {
            const message = `deployment "${name}" exceeded its progress deadline`;
            return { done: false, message, error: message };
        }
        const want = w.spec?.replicas ?? 1;
        const updated = s.updatedReplicas ?? 0;
        if (updated < want)
            return { done: false, message: `${updated} out of ${want} new replicas have been updated` };
        if ((s.replicas ?? 0) > updated)
            return {
                done: false,
                message: `${(s.replicas ?? 0) - updated} old replicas are pending termination`
            };
        if ((s.availableReplicas ?? 0) < updated)
            return {
                done: false,
                message: `${s.availableReplicas ?? 0} of ${updated} updated replicas are available`
            };
        return { done: true, message: `deployment "${name}" successfully rolled out` };
    }
    if (kind === 'StatefulSet') {
        const strategy = w.spec?.updateStrategy?.type ?? 'RollingUpdate';
        if (strategy !== 'RollingUpdate') {
            const message = `statefulset "${name}" uses the ${strategy} strategy; rollout status needs RollingUpdate`;
            return { done: false, message, error: message };
        }
        if (observed === 0 || generation > observed)
            return {
                done: false,
                message: `Waiting for statefulset "${name}" spec update to be observed`
            };
        const want = w.spec?.replicas ?? 1;
        if ((s.readyReplicas ?? 0) < want)
            return {
                done: false,
                message: `Waiting for ${want - (s.readyReplicas ?? 0)} pods to be ready`
            };
        const partition = w.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
        if (partition > 0) {
            if ((s.updatedReplicas ?? 0) < want - partition) {
                return {
                    done: false,
                    message: `Waiting for partitioned roll out to finish: ${s.updatedReplicas ?? 0} out of ${want - partition} new pods have been updated`
                };
            }
            return {
                done: true,
                message: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated`
            };
        }
        if (s.updateRevision !== s.currentRevision) {
            return {
                done: false,
                message: `waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision}`
            };
        }
        return {
            done: true,
            message: `statefulset "${name}" rolling update complete ${s.currentRevision ? `at revision ${s.currentRevision}` : ''}`.trim()
        };
    }
    const strategy = w.spec?.updateStrategy?.type ?? 'RollingUpdate';
    if (strategy !== 'RollingUpdate') {
        const message = `daemon set "${name}" uses the ${strategy} strategy; rollout status needs RollingUpdate`;
        return { done: false, message, error: message };
    }
    if (generation > observed)
        return { done: false, message: `Waiting for daemon set "${name}" spec update to be observed` };
    const desired = s.desiredNumberScheduled ?? 0;
    if ((s.updatedNumberScheduled ?? 0) < desired) {
        return {
            done: false,
            message: `${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated`
        };
    }
    if ((s.numberAvailable ?? 0) < desired)
        return {
            done: false,
            message: `${s.numberAvailable ?? 0} of ${desired} updated pods are available`
        };
    return { done: true, message: `daemon set "${name}" successfully rolled out` };
}
const REVISION = 'deployment.kubernetes.io/revision';
/**
 * Whether a Deployment's rollout is complete judged from its pods: the controller has
 * observed the spec, every pod of the new ReplicaSet (the one at the Deployment's revision)
 * that is needed is Ready, and no pod of an older ReplicaSet is left. With minReadySeconds 0
 * this is exactly what the Deployment's status reports on the controller's next write
 * (0.3-2 s later on a busy control plane), so the watch can end on the pod event itself.
 * False whenever it cannot tell (minReadySeconds, no revision yet, pods not visible).
 */
function deploymentPodsReady(d, replicaSets, pods) {
    if ((d.spec?.minReadySeconds ?? 0) > 0)
        return false;
    if ((d.metadata.generation ?? 0) > (d.status?.observedGeneration ?? 0))
        return false;
    const revision = d.metadata.annotations?.[REVISION];
    if (!revision || !d.metadata.uid)
        return false;
    const ns = d.metadata.namespace;
    const owned = [...replicaSets].filter(rs => rs.metadata.namespace === ns &&
        rs.metadata.ownerReferences?.some(o => o.controller && o.uid === d.metadata.uid));
    const current = owned.find(rs => rs.metadata.annotations?.[REVISION] === revision);
    if (!current?.metadata.uid)
        return false;
    const ownedUids = new Set(owned.map(rs => rs.metadata.uid));
    let ready = 0;
    for (const p of pods) {
        if (p.metadata.namespace !== ns || p.metadata.deletionTimestamp)
            continue;
        const owner = p.metadata.ownerReferences?.find(o => o.controller);
        if (!owner || !ownedUids.has(owner.uid))
            continue;
        if (owner.uid !== current.metadata.uid)
            return false;
        if (p.status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True'))
            ready++;
    }
    return ready >= (d.spec?.replicas ?? 1);
}
const key = (kind, namespace, name) => `${kind}/${namespace}/${name}`;
/**
 * Watches workloads until every one has rolled out (resolving on the event that makes the
 * last one ready, not on a polling tick), one can no longer succeed, or `timeoutMs` passes.
 */
async function waitForRollout(client, target, options) {
    const started = Date.now();
    const controller = new AbortController();
    const outer = options.signal;
    const onOuterAbort = () => controller.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    const wanted = target.names?.map(n => key(n.kind, n.namespace, n.name));
    const states = new Map();
    const sources = new Map();
    let pendingLists = 0;
    let outcome;
    const streams = [];
    if (target.names?.length) {
        for (const n of target.names)
            streams.push({
                kind: n.kind,
                namespace: n.namespace,
                fieldSelector: `metadata.name=${n.name}`
            });
    }
    else {
        const namespaces = target.namespaces?.length ? target.namespaces : [undefined];
        for (const kind of WORKLOAD_KINDS)
            for (const namespace of namespaces)
                streams.push({ kind, namespace, labelSelector: target.selector });
    }
    pendingLists = streams.length;
    // Pods and ReplicaSets beside the Deployments, for deploymentPodsReady. Best effort: when
    // they cannot be watched (RBAC), the Deployment status alone decides.
    const auxStreams = [];
    const deploymentScopes = new Map();
    for (const st of streams) {
        if (st.kind !== 'Deployment')
            continue;
        const scope = { namespace: st.namespace, labelSelector: st.labelSelector };
        deploymentScopes.set(`${scope.namespace ?? ''}|${scope.labelSelector ?? ''}`, scope);
    }
    for (const scope of deploymentScopes.values()) {
        auxStreams.push({ kind: 'ReplicaSet', ...scope }, { kind: 'Pod', ...scope });
    }
    const replicaSets = new Map();
    const pods = new Map();
    pendingLists += auxStreams.length;
    const computeState = (kind, o) => {
        const state = rolloutState(kind, o);
        if (kind === 'Deployment' &&
            !state.done &&
            !state.error &&
            deploymentPodsReady(o, replicaSets.values(), pods.values())) {
            return {
                done: true,
                message: `deployment "${o.metadata.name}" successfully rolled out (every pod of the new ReplicaSet is ready)`
            };
        }
        return state;
    };
    const evaluate = () => {
        if (outcome || pendingLists > 0)
            return;
        const all = [...states.values()];
        const failed = all.find(s => s.error);
        if (failed) {
            outcome = {
                ready: false,
                reason: `${failed.kind} ${failed.namespace}/${failed.name}: ${failed.error}`
            };
        }
        else if (wanted) {
            if (wanted.every(k => states.get(k)?.done))
                outcome = { ready: true };
        }
        else if (all.length === 0) {
            outcome = {
                ready: false,
                reason: `no Deployment, StatefulSet or DaemonSet matches ${describeTarget(target)}`
            };
        }
        else if (all.every(s => s.done)) {
            outcome = { ready: true };
        }
        if (outcome)
            controller.abort();
    };
    const timer = setTimeout(() => {
        outcome ??= { ready: false, reason: `timed out after ${Math.round(options.timeoutMs / 1000)}s` };
        controller.abort();
    }, options.timeoutMs);
    const watchers = streams.map(async (stream, index) => {
        let listed = false;
        const sourceId = String(index);
        try {
            await client.listWatch(stream.kind, {
                namespace: stream.namespace,
                labelSelector: stream.labelSelector,
                fieldSelector: stream.fieldSelector,
                signal: controller.signal,
                timeoutSeconds: 120
            }, objects => {
                // Replace what this stream knows with its current view (a relist may drop objects).
                const mine = sources.get(sourceId) ?? new Set();
                const before = new Map([...mine].map(k => [k, states.get(k)]));
                for (const k of mine)
                    states.delete(k);
                mine.clear();
                for (const o of objects.values()) {
                    const k = key(stream.kind, o.metadata.namespace ?? '', o.metadata.name);
                    const state = computeState(stream.kind, o);
                    const previous = before.get(k);
                    const status = {
                        kind: stream.kind,
                        namespace: o.metadata.namespace ?? '',
                        name: o.metadata.name,
                        ...state,
                        object: o
                    };
                    states.set(k, status);
                    mine.add(k);
                    if (!previous || previous.message !== status.message)
                        options.onProgress?.(status);
                }
                sources.set(sourceId, mine);
                if (!listed) {
                    listed = true;
                    pendingLists--;
                }
                evaluate();
            });
        }
        catch (error) {
            outcome ??= {
                ready: false,
                reason: `watching ${stream.kind}s failed: ${error instanceof Error ? error.message : String(error)}`
            };
            controller.abort();
        }
    });
    const auxWatchers = auxStreams.map(async (stream, index) => {
        let listed = false;
        const target = stream.kind === 'Pod' ? pods : replicaSets;
        const prefix = `${index}/`;
        const markListed = () => {
            if (!listed) {
                listed = true;
                pendingLists--;
            }
        };
        try {
            await client.listWatch(stream.kind, {
                namespace: stream.namespace,
                labelSelector: stream.labelSelector,
                signal: controller.signal,
                timeoutSeconds: 120
            }, objects => {
                for (const k of [...target.keys()])
                    if (k.startsWith(prefix))
                        target.delete(k);
                for (const [k, o] of objects)
                    target.set(prefix + k, o);
                markListed();
                // A pod turning Ready may complete a Deployment before its status says so.
                for (const [k, status] of states) {
                    if (status.kind !== 'Deployment' || status.done || !status.object)
                        continue;
                    const next = computeState('Deployment', status.object);
                    if (next.done) {
                        const updated = { ...status, ...next };
                        states.set(k, updated);
                        options.onProgress?.(updated);
                    }
                }
                evaluate();
            });
        }
        catch {
            markListed();
            evaluate();
        }
    });
    await Promise.all([...watchers, ...auxWatchers]);
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
    outcome ??= { ready: false, reason: 'cancelled' };
    const workloads = [...states.values()];
    for (const k of wanted ?? []) {
        if (!states.has(k)) {
            const [kind, namespace, name] = k.split('/');
            workloads.push({
                kind: kind,
                namespace,
                name,
                done: false,
                message: `${kind} ${namespace}/${name} does not exist`
            });
        }
    }
    workloads.sort((a, b) => key(a.kind, a.namespace, a.name).localeCompare(key(b.kind, b.namespace, b.name)));
    return { ...outcome, workloads, elapsedMs: Date.now() - started };
}
function describeTarget(target) {
    if (target.names?.length)
        return target.names.map(n => `${n.kind} ${n.namespace}/${n.name}`).join(', ');
    const where = target.namespaces?.length
        ? `in namespaces ${target.namespaces.join(', ')}`
        : 'in all namespaces';
    return `selector ${target.selector || '(everything)'} ${where}`;
}
function podState(pod) {
    const s = pod.status ?? {};
    const conditions = (s.conditions ?? [])
        .filter(c => c.status !== 'True')
        .map(c => `${c.type}=${c.status}${c.reason ? ` (${c.reason}${c.message ? `: ${c.message}` : ''})` : c.message ? ` (${c.message})` : ''}`);
    const containers = [
        ...(s.initContainerStatuses ?? []).map(c => ({ ...c, init: true })),
        ...(s.containerStatuses ?? []).map(c => ({ ...c, init: false }))
    ].map(c => {
        const parts = [`${c.init ? 'init ' : ''}${c.name}:`];
        if (c.state?.waiting)
            parts.push(`waiting (${c.state.waiting.reason ?? 'unknown'}${c.state.waiting.message ? `: ${c.state.waiting.message}` : ''})`);
        else if (c.state?.terminated)
            parts.push(`terminated (${c.state.terminated.reason ?? 'exit'} ${c.state.terminated.exitCode ?? ''})`.replace(' )', ')'));
        else if (c.state?.running)
            parts.push(c.ready ? 'running, ready' : 'running, not ready');
        if (c.restartCount)
            parts.push(`restarts ${c.restartCount}`);
        if (c.lastState?.terminated?.reason)
            parts.push(`last ${c.lastState.terminated.reason}`);
        return parts.join(' ');
    });
    const phase = `${s.phase ?? 'Unknown'}${s.reason ? ` (${s.reason})` : ''}`;
    return { name: pod.metadata.name, phase, conditions, containers };
}
/** One line for a pod: name, phase, the conditions that are not True, its containers. */
function podSummary(pod) {
    const p = podState(pod);
    return [`pod ${p.name} ${p.phase}`, ...p.conditions, ...p.containers].join('; ');
}
/** Pods and recent events for each workload that did not become ready. */
async function diagnose(client, workloads, maxEvents = 8) {
    const eventsByNamespace = new Map();
    const eventsIn = (ns) => {
        if (!eventsByNamespace.has(ns))
            eventsByNamespace.set(ns, client.list('Event', { namespace: ns }).then(l => l.items, () => []));
        return eventsByNamespace.get(ns);
    };
    return Promise.all(workloads.map(async (workload) => {
        const selector = workload.object?.spec?.selector;
        const pods = selector
            ? (await client
                .list('Pod', {
                namespace: workload.namespace,
                labelSelector: selectorString(selector)
            })
                .catch(() => ({ items: [] }))).items
            : [];
        const replicaSets = workload.kind === 'Deployment' && selector
            ? (await client
                .list('ReplicaSet', {
                namespace: workload.namespace,
                labelSelector: selectorString(selector)
            })
                .catch(() => ({ items: [] }))).items
            : [];
        const subjects = new Set([
            `${workload.kind}/${workload.name}`,
            ...pods.map(p => `Pod/${p.metadata.name}`),
            ...replicaSets.map(r => `ReplicaSet/${r.metadata.name}`)
        ]);
        const events = (await eventsIn(workload.namespace))
            .filter(e => subjects.has(`${e.involvedObject?.kind}/${e.involvedObject?.name}`))
            .map(e => ({
            object: `${e.involvedObject?.kind}/${e.involvedObject?.name}`,
            type: e.type ?? 'Normal',
            reason: e.reason ?? '',
            message: (e.message ?? '').trim(),
            count: e.series?.count ?? e.count ?? 1,
            lastSeen: e.series?.lastObservedTime ??
                e.lastTimestamp ??
                e.eventTime ??
                e.metadata.creationTimestamp ??
                ''
        }))
            .sort((a, b) => a.lastSeen.localeCompare(b.lastSeen));
        return { workload, pods: pods.map(podState), events: events.slice(-maxEvents) };
    }));
}
/** A diagnosis as log/summary lines. */
function formatDiagnosis(d) {
    const w = d.workload;
    const lines = [`${w.kind} ${w.namespace}/${w.name} is not ready: ${w.error ?? w.message}`];
    if (d.pods.length === 0)
        lines.push('  pods: none');
    for (const p of d.pods) {
        lines.push(`  pod ${p.name}: ${p.phase}${p.conditions.length ? `; ${p.conditions.join('; ')}` : ''}`);
        for (const c of p.containers)
            lines.push(`    ${c}`);
    }
    if (d.events.length === 0)
        lines.push('  events: none');
    for (const e of d.events)
        lines.push(`  event ${e.type} ${e.reason} on ${e.object}${e.count > 1 ? ` (x${e.count})` : ''}: ${e.message}`);
    return lines;
}

;// CONCATENATED MODULE: ./actions/deploy/src/readiness.ts


/**
 * Watches a release's workloads while Helm upgrades it, so that when Helm gives up and rolls
 * back, we can still say what did not become ready: the state kept is the last one seen
 * before the rollback changed the object again (generation past the upgrade's) or removed it.
 */
class ReadinessObserver {
    client;
    workloads;
    intervalMs;
    baseGeneration = new Map();
    kept = new Map();
    stopped = false;
    loop;
    wake = new AbortController();
    constructor(client, workloads, intervalMs = 1000) {
        this.client = client;
        this.workloads = workloads;
        this.intervalMs = intervalMs;
    }
    /** Records the generations before the upgrade, then looks every interval. */
    async start() {
        await Promise.all(this.workloads.map(async (w) => {
            const found = await this.client.find(w.kind, w.name, w.namespace).catch(() => undefined);
            this.baseGeneration.set(readiness_key(w), found?.metadata.generation ?? 0);
        }));
        // The first look waits an interval: right after the start nothing has changed yet, and
        // Helm is busiest then (a deploy that ends within the interval is never looked at).
        this.loop = (async () => {
            await sleep(this.intervalMs, this.wake.signal);
            while (!this.stopped) {
                await Promise.all(this.workloads.map(w => this.look(w).catch(() => undefined)));
                await sleep(this.intervalMs, this.wake.signal);
            }
        })();
    }
    async stop() {
        this.stopped = true;
        // Ends the pause at once: stopping must not wait out an interval.
        this.wake.abort();
        await this.loop;
    }
    /** Workloads whose kept state was not ready, each with its detail. */
    notReady() {
        return [...this.kept.values()].filter(s => !s.ready);
    }
    async look(w) {
        let object;
        try {
            object = await this.client.get(w.kind, w.name, w.namespace);
        }
        catch (error) {
            if (error instanceof KubeApiError && error.status === 404)
                return;
            throw error;
        }
        if (this.stopped)
            return;
        const generation = object.metadata.generation ?? 0;
        // A generation past the upgrade's one is the rollback's: keep what the upgrade left.
        if (generation > (this.baseGeneration.get(readiness_key(w)) ?? 0) + 1)
            return;
        const spec = (object.spec ?? {});
        const status = (object.status ?? {});
        const desired = spec.replicas ?? 1;
        const ready = rolloutState(w.kind, object).done;
        let detail = `${status.availableReplicas ?? 0}/${desired} available, ${status.updatedReplicas ?? 0}/${desired} updated`;
        if (!ready && spec.selector?.matchLabels) {
            const selector = Object.entries(spec.selector.matchLabels)
                .map(([k, v]) => `${k}=${v}`)
                .join(',');
            const pods = await this.client.list('Pod', {
                namespace: w.namespace,
                labelSelector: selector
            });
            const problems = pods.items
                .filter(p => !p.metadata.deletionTimestamp)
                .filter(p => !(p.status?.conditions ?? []).some(c => c.type === 'Ready' && c.status === 'True'))
                .slice(0, 3)
                .map(podSummary);
            if (problems.length)
                detail += `; ${problems.join('; ')}`;
        }
        if (this.stopped)
            return;
        this.kept.set(readiness_key(w), {
            object: `${w.kind} ${w.namespace}/${w.name}`,
            generation,
            ready,
            detail
        });
    }
}
function readiness_key(w) {
    return `${w.kind}/${w.namespace}/${w.name}`;
}

;// CONCATENATED MODULE: ./actions/deploy/src/manifests.ts








/** Every .yaml/.yml/.json file of a file or folder (not recursive), in name order. */
function manifestFiles(target) {
    if ((0,external_node_fs_namespaceObject.statSync)(target).isFile())
        return [target];
    return (0,external_node_fs_namespaceObject.readdirSync)(target)
        .filter(f => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map(f => external_node_path_default().join(target, f));
}
/**
 * Pins images by digest in plain manifests: a container image is replaced when its
 * repository is the override's, or its last path component is the app's name.
 * Returns the apps that matched nothing.
 */
function substituteImages(objects, images) {
    const used = new Set();
    const visit = (containers) => {
        if (!Array.isArray(containers))
            return;
        for (const c of containers) {
            if (typeof c.image !== 'string')
                continue;
            let repository;
            try {
                repository = repositoryOf(parseReference(c.image));
            }
            catch {
                continue;
            }
            const match = images.find(i => i.repository === repository) ??
                images.find(i => repository.split('/').pop() === i.app);
            if (!match)
                continue;
            c.image = match.digest
                ? `${match.repository}@${match.digest}`
                : `${match.repository}:${match.tag}`;
            used.add(match.app);
        }
    };
    for (const o of objects) {
        const spec = o.body.spec;
        const template = (o.kind === 'CronJob'
            ? spec?.jobTemplate?.spec?.template
            : o.kind === 'Pod'
                ? { spec }
                : spec?.template);
        visit(template?.spec?.containers);
        visit(template?.spec?.initContainers);
    }
    return images.filter(i => !used.has(i.app)).map(i => i.app);
}
/**
 * mode: manifests — server-side apply of plain YAML (what `kubectl apply --server-side`
 * does, through the API client), images pinned by digest, then a wait for the workloads.
 */
async function applyManifests(client, inputs, options) {
    const objects = manifestFiles(inputs.manifests).flatMap(f => parseManifest((0,external_node_fs_namespaceObject.readFileSync)(f, 'utf8'), inputs.namespace));
    if (objects.length === 0)
        throw new Error(`No Kubernetes objects in ${inputs.manifests}`);
    const unmatched = substituteImages(objects, inputs.images);
    if (unmatched.length) {
        throw new Error(`images: no container in ${inputs.manifests} runs ${unmatched.join(', ')} (matched by repository or by the repository's last name)`);
    }
    // Namespaces first, so the objects in them can be created in the same run.
    const ordered = [
        ...objects.filter(o => o.kind === 'Namespace'),
        ...objects.filter(o => o.kind !== 'Namespace')
    ];
    let changed = 0;
    const rows = [];
    await group(`Server-side apply of ${objects.length} objects${inputs.dryRun ? ' (dry run)' : ''}`, async () => {
        for (const o of ordered) {
            const body = {
                ...o.body,
                metadata: { ...o.body.metadata, namespace: o.namespace || undefined }
            };
            const before = await client
                .find(o.kind, o.name, o.namespace || undefined)
                .catch(() => undefined);
            let after;
            try {
                after = await client.apply(body, {
                    fieldManager: options.fieldManager,
                    force: true,
                    dryRun: inputs.dryRun
                });
            }
            catch (error) {
                if (error instanceof KubeApiError)
                    throw new Error(`The API server rejected ${objectName(o)}: ${error.message}`);
                throw error;
            }
            // resourceVersion also moves when controllers write status: what tells whether this
            // apply changed anything is the generation (spec) and our own managedFields entry.
            const moved = (before?.metadata.generation ?? 0) !== (after.metadata.generation ?? 0) ||
                JSON.stringify(appliedFields(before, options.fieldManager)) !==
                    JSON.stringify(appliedFields(after, options.fieldManager));
            const state = !before ? 'created' : moved ? 'configured' : 'unchanged';
            if (state !== 'unchanged')
                changed++;
            rows.push([objectName(o), state]);
            info(`${objectName(o)} ${state}${inputs.dryRun ? ' (dry run)' : ''}`);
        }
    });
    if (inputs.wait && !inputs.dryRun)
        await waitForWorkloads(client, objects, inputs.timeoutMs);
    summary_setOutput('revision', '');
    summary_setOutput('status', inputs.dryRun ? 'dry-run' : 'applied');
    summary_setOutput('changed', String(changed > 0 && !inputs.dryRun));
    summary_setOutput('images', JSON.stringify(imagesOf(objects)));
    summary_setOutput('notes', '');
    await writeSummary(`### Applied ${objects.length} objects from \`${external_node_path_default().basename(inputs.manifests)}\`${inputs.dryRun ? ' (dry run)' : ''}\n\n${markdownTable(['Object', 'Result'], rows)}\n`);
}
/** This field manager's Apply entry of an object's managedFields (when and what it set). */
function appliedFields(object, manager) {
    const fields = object?.metadata?.managedFields;
    return fields?.find(f => f.manager === manager && f.operation === 'Apply');
}
/** Watches the applied workloads (as verify does) until they roll out, naming what did not. */
async function waitForWorkloads(client, objects, timeoutMs) {
    const names = objects
        .filter(o => WORKLOAD_KINDS.includes(o.kind))
        .map(o => ({ kind: o.kind, namespace: o.namespace || 'default', name: o.name }));
    if (names.length === 0)
        return;
    const result = await group(`Waiting for ${names.length} workloads`, () => waitForRollout(client, { names }, { timeoutMs }));
    if (!result.ready) {
        const pending = result.workloads
            .filter(w => !w.done)
            .map(w => `${w.kind} ${w.namespace}/${w.name} (${w.error ?? w.message})`);
        throw new Error(`Not ready after ${Math.round(timeoutMs / 1000)}s: ${pending.join('; ') || result.reason}`);
    }
}

;// CONCATENATED MODULE: ./actions/deploy/src/main.ts













/** Phase timings for step debug logs (ACTIONS_STEP_DEBUG): where a deploy's time goes. */
const phase = (name) => debug(`[${Math.round(performance.now())} ms] ${name}`);
const KUBECONFIG_STATE = 'kubeconfig-file';
const FIELD_MANAGER = 'k8s-stack-deploy';
/** Where the kubeconfig comes from: the input (written to a 0600 file) or the environment. */
async function connect(inputs) {
    if (!inputs.kubeconfig) {
        const client = KubeClient.fromFile(undefined, inputs.context || undefined);
        return { client, file: process.env.KUBECONFIG?.split((external_node_path_default()).delimiter)[0] };
    }
    const yaml = decodeKubeconfig(inputs.kubeconfig);
    maskKubeconfig(inputs.kubeconfig, yaml);
    const connection = validateKubeconfig(yaml, inputs.context);
    const file = await writeKubeconfig(yaml);
    saveState(KUBECONFIG_STATE, file);
    return { client: new KubeClient(connection), file };
}
async function main() {
    phase('start');
    const inputs = readDeployInputs();
    // Helm is looked up while we connect; a no-op never waits for it.
    const helmFound = inputs.mode === 'helm'
        ? findHelm({
            path: inputs.helm || undefined,
            prefer: inputs.helmVersion,
            extraCandidates: [process.env.K8S_STACK_HELM3 ?? '', process.env.K8S_STACK_HELM4 ?? '']
        })
        : undefined;
    helmFound?.catch(() => undefined);
    const { client, file } = await connect(inputs);
    info(`Kubernetes API server ${client.connection.server} (context ${client.connection.context})`);
    phase('connected');
    try {
        if (inputs.mode === 'manifests') {
            await applyManifests(client, inputs, { kubeconfig: file, fieldManager: FIELD_MANAGER });
            return;
        }
        await deployChart(client, inputs, file, helmFound);
    }
    finally {
        client.close();
    }
}
async function deployChart(client, inputs, kubeconfig, helmFound) {
    const helm = async () => {
        const binary = await helmFound;
        info(`Helm ${binary.version} (${binary.path})`);
        return new Helm(binary, {
            namespace: inputs.namespace,
            kubeconfig,
            context: inputs.context || undefined
        });
    };
    // A repository or OCI chart is pulled once: the same bytes are hashed, rendered and installed.
    let chart = inputs.chart;
    let workDir;
    if (/^oci:\/\//.test(chart) || !external_node_path_default().isAbsolute(chart)) {
        workDir = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join(process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(), 'k8s-stack-chart-'));
        const h = await helm();
        await group(`helm pull ${chart}`, () => h.pull(inputs.chart, workDir, inputs.chartVersion || undefined));
        const pulled = (0,external_node_fs_namespaceObject.readdirSync)(workDir).find(f => f.endsWith('.tgz'));
        if (!pulled)
            throw new Error(`helm pull ${inputs.chart} produced no chart package`);
        chart = external_node_path_default().join(workDir, pulled);
    }
    try {
        await deployLocalChart(client, helm, inputs, chart);
    }
    finally {
        if (workDir)
            (0,external_node_fs_namespaceObject.rmSync)(workDir, { recursive: true, force: true });
    }
}
async function readRecords(client, inputs) {
    let secrets;
    try {
        secrets = await client.list('Secret', {
            namespace: inputs.namespace,
            labelSelector: `owner=helm,name=${inputs.release}`
        });
    }
    catch (error) {
        if (error instanceof KubeApiError && (error.status === 401 || error.status === 403)) {
            throw new Error(`The API server ${client.connection.server} refused to let the kubeconfig's user read release "${inputs.release}" in namespace "${inputs.namespace}" (${error.status} ${error.reason}): ${error.message}`);
        }
        throw error;
    }
    return releaseRecords(secrets.items);
}
async function deployLocalChart(client, getHelm, inputs, chart) {
    const setString = [...inputs.setString, ...imageSetStrings(inputs.images, inputs.imageValuePath)];
    const values = { valuesFiles: inputs.valuesFiles, set: inputs.set, setString };
    // The release as stored now, read through the API (one request, no helm process).
    const recordsRead = readRecords(client, inputs);
    recordsRead.catch(() => undefined);
    const fingerprint = releaseFingerprint({
        chartDigest: chartDigest(chart),
        chartVersion: inputs.chartVersion,
        namespace: inputs.namespace,
        valuesFiles: inputs.valuesFiles.map(f => (0,external_node_fs_namespaceObject.readFileSync)(f, 'utf8')),
        set: inputs.set,
        setString
    });
    const records = await recordsRead;
    phase('release read');
    const latest = records[0];
    const deployed = records.find(r => r.status === 'deployed');
    if (!inputs.dryRun &&
        latest &&
        latest.status === 'deployed' &&
        latest.labels[FINGERPRINT_LABEL] === fingerprint) {
        const release = decodeReleaseSecret(latest.data);
        if (inputs.createSecrets.length)
            await applySecrets(client, inputs.createSecrets, false);
        info(`Release ${inputs.release} revision ${latest.revision} already runs this chart, these values and these images: nothing to do.`);
        await report(inputs, release, false, 'No change: the deployed revision has the same chart, values and images (fingerprint ' +
            fingerprint.slice(0, 12) +
            ').');
        return;
    }
    // Not a no-op: what else decides the path, on the connection the read opened.
    const namespacesMissing = missing(client, [
        inputs.namespace,
        ...inputs.createSecrets.map(s => s.namespace)
    ]);
    namespacesMissing.catch(() => undefined);
    // Field validation on the server is GA from 1.27; older servers keep Helm's own check.
    const fieldValidationKnown = client.serverVersion().then(v => v.major > 1 || (v.major === 1 && v.minor >= 27), () => false);
    const [helm, missingNamespaces] = await Promise.all([getHelm(), namespacesMissing]);
    phase('helm found');
    const live = deployed ? (decodeReleaseSecret(deployed.data).manifest ?? '') : '';
    // What will change. An upgrade learns it from the manifest Helm applies (its JSON output, or
    // the failed revision's record), which costs no second render; a first install, or one that
    // must create namespaces, renders first to know which namespaces the chart will own.
    let next;
    let rendered;
    if (!deployed || missingNamespaces.length) {
        rendered = await helm.template({
            release: inputs.release,
            chart,
            ...values,
            isUpgrade: Boolean(deployed)
        });
        next = parseManifest(rendered, inputs.namespace);
        phase('rendered');
    }
    const showChanges = (manifest) => writeChanges(inputs, deployed?.revision, diffManifestTexts(live, manifest, inputs.namespace));
    const changesShown = rendered === undefined ? undefined : showChanges(rendered);
    await createNamespaces(client, inputs, missingNamespaces, next ?? [], inputs.dryRun);
    const workloads = (next ?? parseManifest(live, inputs.namespace, WORKLOAD_DOCUMENT))
        .filter(o => o.kind === 'Deployment' || o.kind === 'StatefulSet')
        .map(o => ({
        kind: o.kind,
        namespace: o.namespace || inputs.namespace,
        name: o.name
    }));
    const observer = new ReadinessObserver(client, workloads);
    await Promise.all([
        changesShown,
        inputs.createSecrets.length
            ? applySecrets(client, inputs.createSecrets, inputs.dryRun)
            : undefined,
        !inputs.dryRun && (inputs.wait || inputs.atomic) ? observer.start() : undefined
    ]);
    const serverValidatesFields = await fieldValidationKnown;
    phase('upgrade');
    let release;
    let warnings;
    try {
        ;
        ({ release, warnings } = await group(`helm upgrade --install ${inputs.release}${inputs.dryRun ? ' (server-side dry run)' : ''}`, () => helm.upgrade({
            release: inputs.release,
            chart,
            ...values,
            atomic: inputs.atomic,
            wait: inputs.wait,
            waitForJobs: inputs.waitForJobs,
            timeoutMs: inputs.timeoutMs,
            historyMax: inputs.historyMax,
            dryRun: inputs.dryRun,
            labels: { [FINGERPRINT_LABEL]: fingerprint },
            serverValidatesFields
        })));
    }
    catch (error) {
        await observer.stop();
        const after = await readRecords(client, inputs).catch(() => undefined);
        // Helm's lock: another deploy holds the release, and the newer revision is that one's.
        const locked = /another operation .* is in progress/.test(String(error));
        // Otherwise the revision this deploy stored (failed, or rolled back from) holds what it tried.
        const attempted = locked
            ? undefined
            : after
                ?.filter(r => r.revision > (latest?.revision ?? 0))
                .sort((a, b) => a.revision - b.revision)[0];
        if (rendered === undefined && attempted) {
            await showChanges(decodeReleaseSecret(attempted.data).manifest ?? '');
        }
        throw failure(inputs, error, locked, observer, records, after);
    }
    phase('upgraded');
    for (const warning of warnings)
        commands_warning(`API server, release ${inputs.release}: ${warning}`, { title: 'helm upgrade' });
    await observer.stop();
    if (rendered === undefined)
        await showChanges(release.manifest ?? '');
    await report(inputs, release, true, undefined);
    phase('reported');
}
/** The diff of a deploy, in the log (one line) and the job summary (a table). */
async function writeChanges(inputs, fromRevision, changes) {
    info(`Changes: ${changes.length ? changes.map(c => `${c.change} ${c.object}`).join(', ') : 'none to objects (values or labels only)'}`);
    await writeSummary(`### ${inputs.dryRun ? 'Dry run: ' : ''}changes to release \`${inputs.release}\` (${fromRevision ? `from revision ${fromRevision}` : 'new install'})\n\n${diffMarkdown(changes)}\n`);
}
/** One line: Helm's own words, what did not become ready, and where the release stands now. */
function failure(inputs, error, locked, observer, before, after) {
    const helmLine = error instanceof Error ? error.message : String(error);
    const notReady = observer.notReady();
    const parts = [
        `Deploy of release "${inputs.release}" in namespace "${inputs.namespace}" failed: ${helmLine}`
    ];
    if (notReady.length)
        parts.push(`Not ready: ${notReady.map(s => `${s.object} (${s.detail})`).join('; ')}`);
    // Where the release stands; nothing more is said when the API could not be read.
    const current = after?.find(r => r.status === 'deployed');
    const previous = before.find(r => r.status === 'deployed')?.revision;
    if (locked) {
        parts.push('Another deploy of this release is running; this one changed nothing. Retry when it ends (or serialize deploys with a concurrency group)');
    }
    else if (current && before[0] && current.revision !== previous) {
        parts.push(`Rolled back: revision ${current.revision} now runs what revision ${previous} ran`);
    }
    else if (current) {
        parts.push(`Revision ${current.revision} is still the deployed one`);
    }
    else if (after?.length === 0) {
        parts.push('Nothing was left installed');
    }
    summary_setOutput('changed', 'false');
    return new Error(`${parts.join('. ')}.`);
}
async function report(inputs, release, changed, note) {
    const images = imagesOf(parseManifest(release.manifest ?? '', inputs.namespace, IMAGE_DOCUMENT));
    summary_setOutput('revision', String(release.version));
    summary_setOutput('status', release.info?.status ?? 'unknown');
    summary_setOutput('changed', String(changed && !inputs.dryRun));
    summary_setOutput('images', JSON.stringify(images));
    summary_setOutput('notes', release.info?.notes ?? '');
    const rows = Object.entries(images).flatMap(([object, containers]) => Object.entries(containers).map(([c, image]) => [object, c, image]));
    await writeSummary([
        `### ${inputs.dryRun ? 'Dry run of' : changed ? 'Deployed' : 'Unchanged'} release \`${release.name}\` revision ${release.version}: ${release.info?.status ?? 'unknown'}`,
        note ? `\n${note}\n` : '',
        rows.length ? markdownTable(['Object', 'Container', 'Image'], rows) : '',
        ''
    ].join('\n'));
}
/** The namespaces of `names` that do not exist. */
async function missing(client, names) {
    const unique = [...new Set(names)];
    const found = await Promise.all(unique.map(name => client.find('Namespace', name)));
    return unique.filter((_, i) => !found[i]);
}
/**
 * Creates the release namespace and the create-secrets namespaces when missing. A namespace
 * the chart itself renders gets Helm's ownership metadata, so Helm adopts it instead of
 * failing on "exists and cannot be imported into the current release".
 */
async function createNamespaces(client, inputs, names, next, dryRun) {
    const rendered = new Set(next.filter(o => o.kind === 'Namespace').map(o => o.name));
    for (const name of names) {
        const owned = rendered.has(name);
        info(`Creating namespace ${name}${owned ? ' (adopted by the release)' : ''}${dryRun ? ' (dry run)' : ''}`);
        await client.apply({
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: {
                name,
                ...(owned
                    ? {
                        labels: { 'app.kubernetes.io/managed-by': 'Helm' },
                        annotations: {
                            'meta.helm.sh/release-name': inputs.release,
                            'meta.helm.sh/release-namespace': inputs.namespace
                        }
                    }
                    : {})
            }
        }, { fieldManager: FIELD_MANAGER, dryRun });
    }
}
/** Server-side applies each Secret: values travel in a request body, never in argv or a log. */
async function applySecrets(client, secrets, dryRun) {
    await group('Secrets', async () => {
        for (const secret of secrets) {
            if (!(await client.find('Namespace', secret.namespace))) {
                await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: secret.namespace } }, { fieldManager: FIELD_MANAGER, dryRun });
            }
            await client.apply({
                apiVersion: 'v1',
                kind: 'Secret',
                metadata: {
                    name: secret.name,
                    namespace: secret.namespace,
                    labels: { 'app.kubernetes.io/managed-by': 'k8s-stack-deploy' }
                },
                type: 'Opaque',
                data: Object.fromEntries(Object.entries(secret.data).map(([k, v]) => [k, Buffer.from(v).toString('base64')]))
            }, { fieldManager: FIELD_MANAGER, force: true, dryRun });
            info(`Secret ${secret.namespace}/${secret.name}: ${Object.keys(secret.data).join(', ')} ${dryRun ? '(dry run)' : 'applied'}`);
        }
    });
}
/** The post step removes the kubeconfig main wrote. */
async function post() {
    removeKubeconfig(getState(KUBECONFIG_STATE));
}

;// CONCATENATED MODULE: ./actions/deploy/src/index.ts


void run(main, post);

