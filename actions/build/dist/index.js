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
function secrets_maskSecret(value) {
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
        throw new ToolError(displayName(tool, args), result.exitCode, exec_lastErrorLine(result));
    }
    return result;
}
function displayName(tool, args) {
    const base = tool.split('/').pop() ?? tool;
    const sub = args.find(a => !a.startsWith('-'))?.match(/^[a-z][a-z-]*$/)?.[0];
    return sub ? `${base} ${sub}` : base;
}
/** The most telling line of a failed tool's output: its last error line, redacted. */
function exec_lastErrorLine(result) {
    const lines = (result.stderr.trim() ? result.stderr : result.stdout)
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    const errorLine = [...lines]
        .reverse()
        .find(l => /error|failed|denied|invalid|cannot|unable/i.test(l));
    return redact(errorLine ?? lines[lines.length - 1] ?? 'no output');
}

;// CONCATENATED MODULE: ./src/core/github-context.ts

/** Reads the context from the runner's environment and event payload. */
function readGitContext(env = process.env) {
    // The event payload is untyped JSON; only the fields read below are relied upon.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let event = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            event = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch {
            event = {};
        }
    }
    const repo = event.repository ?? {};
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        repository: env.GITHUB_REPOSITORY ?? '',
        serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        defaultBranch: repo.default_branch ?? env.K8S_STACK_DEFAULT_BRANCH ?? 'main',
        runId: env.GITHUB_RUN_ID ?? '',
        actor: env.GITHUB_ACTOR ?? '',
        prNumber: event.pull_request?.number ?? event.number,
        prHeadSha: event.pull_request?.head?.sha,
        repoDescription: repo.description ?? undefined,
        repoLicense: repo.license?.spdx_id ?? undefined
    };
}

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

;// CONCATENATED MODULE: ./src/docker/build.ts
/**
 * The argv of one build. Pure: tested by table. The plain-CLI path supports one platform
 * and registry caches as image refs (inline cache); buildx takes every option as given.
 */
function buildArgv(request, cli) {
    const buildx = cli.builder === 'buildx';
    const args = buildx ? ['buildx', 'build'] : ['build'];
    if (request.file)
        args.push('--file', request.file);
    for (const tag of request.tags)
        args.push('--tag', tag);
    for (const [key, value] of Object.entries(request.labels))
        args.push('--label', `${key}=${value}`);
    for (const [key, value] of request.buildArgs)
        args.push('--build-arg', `${key}=${value}`);
    for (const [id, file] of request.secretFiles)
        args.push('--secret', `id=${id},src=${file}`);
    if (request.target)
        args.push('--target', request.target);
    if (request.pull)
        args.push('--pull');
    if (request.noCache)
        args.push('--no-cache');
    args.push('--iidfile', request.iidFile);
    if (buildx) {
        if (request.platforms.length)
            args.push('--platform', request.platforms.join(','));
        for (const from of request.cacheFrom)
            args.push('--cache-from', from);
        for (const to of request.cacheTo)
            args.push('--cache-to', to);
        args.push('--metadata-file', request.metadataFile);
        if (request.push)
            args.push('--push');
        if (request.load)
            args.push('--load');
    }
    else {
        if (request.platforms.length > 1) {
            throw new Error(`Invalid input "platforms": ${JSON.stringify(request.platforms.join(','))}. Expected one platform: several need docker buildx, which this runner lacks.`);
        }
        if (request.platforms.length === 1)
            args.push('--platform', request.platforms[0]);
        for (const from of request.cacheFrom)
            args.push('--cache-from', plainCacheRef('cache-from', from));
        // The plain CLI can only export an inline cache: metadata in the image itself.
        if (request.cacheTo.length) {
            for (const to of request.cacheTo)
                plainCacheRef('cache-to', to, true);
            args.push('--build-arg', 'BUILDKIT_INLINE_CACHE=1');
        }
    }
    args.push(request.context);
    return args;
}
/** Maps a buildx cache spec to what the plain CLI accepts, or refuses it clearly. */
function plainCacheRef(input, spec, inlineOnly = false) {
    const fields = Object.fromEntries(spec.split(',').map(part => {
        const at = part.indexOf('=');
        return at < 0 ? ['ref', part] : [part.slice(0, at), part.slice(at + 1)];
    }));
    const type = fields.type ?? (fields.ref ? 'registry' : '');
    if (inlineOnly ? type === 'inline' : type === 'registry' && fields.ref)
        return fields.ref ?? '';
    throw new Error(`Invalid input "${input}": ${JSON.stringify(spec)}. Without buildx only ${inlineOnly ? 'type=inline' : 'type=registry,ref=<image> (or an image ref)'} is supported; install the docker-buildx plugin for other cache backends.`);
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

;// CONCATENATED MODULE: ./src/docker/cli.ts


/** The env that makes a plain `docker build` use BuildKit. */
const BUILDKIT_ENV = { DOCKER_BUILDKIT: '1' };
/**
 * Picks the docker CLI to build with. buildx wherever a CLI has it; else a CLI older than
 * 23, whose `docker build` still drives BuildKit itself (newer ones refuse without buildx).
 */
async function findDockerCli(searchPath = process.env.PATH ?? '') {
    const candidates = findAllOnPath('docker', searchPath);
    const rejected = [];
    for (const path of candidates) {
        const buildx = await exec_exec(path, ['buildx', 'version'], {
            stream: false,
            timeoutMs: 20_000
        }).catch(() => undefined);
        const version = await clientVersion(path);
        if (buildx?.exitCode === 0)
            return { path, builder: 'buildx', version };
        if (version && Number(version.split('.')[0]) < 23)
            return { path, builder: 'buildkit', version };
        rejected.push(`${path} (${version || 'unknown version'}, no buildx)`);
    }
    throw new Error(candidates.length === 0
        ? 'docker was not found on PATH. Install Docker (with the buildx plugin) on the runner.'
        : `No docker CLI on PATH can build with BuildKit: ${rejected.join(', ')}. Install the docker-buildx plugin.`);
}
async function clientVersion(path) {
    const result = await exec_exec(path, ['version', '--format', '{{.Client.Version}}'], {
        stream: false,
        timeoutMs: 20_000
    }).catch(() => undefined);
    return result?.stdout.trim().match(/^\d+\.\d+(\.\d+)?/)?.[0] ?? '';
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
        return reference_parseReference(value);
    }
    catch (error) {
        if (!(error instanceof ReferenceError))
            throw error;
        throw new Error(`Invalid input "${input}": ${JSON.stringify(value)}: ${error.problem}. Expected ${ACCEPTED}.`);
    }
}
function reference_parseReference(ref) {
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

;// CONCATENATED MODULE: ./src/docker/metadata.ts

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
/**
 * Tag derivation like docker/metadata-action's defaults: the short sha always; the branch
 * name on a branch, `latest` only on the default branch; 1.2.3, 1.2 and 1 for a v1.2.3 tag
 * (only the full version for a pre-release); pr-N for a pull request.
 */
function deriveTags(context) {
    const tags = [];
    let version = '';
    const ref = context.ref;
    if (ref.startsWith('refs/tags/')) {
        const name = ref.slice('refs/tags/'.length);
        const semver = name.match(SEMVER);
        if (semver) {
            const [, major, minor, patch, pre] = semver;
            version = `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}`;
            tags.push(version);
            if (!pre)
                tags.push(`${major}.${minor}`, major);
        }
        else {
            version = sanitizeTag(name);
            tags.push(version);
        }
    }
    else if (ref.startsWith('refs/pull/') || context.prNumber !== undefined) {
        const number = context.prNumber ?? Number(ref.split('/')[2]);
        version = `pr-${number}`;
        tags.push(version);
    }
    else if (ref.startsWith('refs/heads/')) {
        const branch = ref.slice('refs/heads/'.length);
        version = sanitizeTag(branch);
        tags.push(version);
        if (branch === context.defaultBranch)
            tags.push('latest');
    }
    const sha = context.prHeadSha ?? context.sha;
    if (sha) {
        const shaTag = `sha-${sha.slice(0, 7)}`;
        tags.push(shaTag);
        if (!version)
            version = shaTag;
    }
    return { tags: [...new Set(tags)], version };
}
/** OCI annotation labels from the git context, as docker/metadata-action sets them. */
function ociLabels(context, version, created, title = '') {
    const url = context.repository ? `${context.serverUrl}/${context.repository}` : '';
    const labels = {
        'org.opencontainers.image.created': created.toISOString(),
        'org.opencontainers.image.version': version,
        'org.opencontainers.image.revision': context.prHeadSha ?? context.sha
    };
    if (url) {
        labels['org.opencontainers.image.source'] = url;
        labels['org.opencontainers.image.url'] = url;
    }
    const name = title || context.repository.split('/').pop() || '';
    if (name)
        labels['org.opencontainers.image.title'] = name;
    if (context.repoDescription)
        labels['org.opencontainers.image.description'] = context.repoDescription;
    if (context.repoLicense && context.repoLicense !== 'NOASSERTION') {
        labels['org.opencontainers.image.licenses'] = context.repoLicense;
    }
    for (const key of Object.keys(labels))
        if (labels[key] === '')
            delete labels[key];
    return labels;
}
/**
 * Everything that names the image: explicit `tags` are taken as given (validated), and
 * an `image` adds the derived tags. User labels override derived ones.
 */
function imageMetadata(options) {
    const derived = deriveTags(options.context);
    const refs = [];
    for (const tag of options.tags) {
        const ref = parseReferenceInput('tags', tag);
        if (ref.digest)
            throw new Error(`Invalid input "tags": ${JSON.stringify(tag)}. Expected image:tag without a digest.`);
        refs.push(tag);
    }
    let title = '';
    if (options.image) {
        const image = parseReferenceInput('image', options.image);
        if (image.tag || image.digest) {
            throw new Error(`Invalid input "image": ${JSON.stringify(options.image)}. Expected registry/repository without a tag or digest; tags are derived from the git context.`);
        }
        const repo = repositoryOf(image);
        title = image.path.split('/').pop() ?? '';
        for (const tag of derived.tags)
            refs.push(`${repo}:${tag}`);
    }
    const tags = [...new Set(refs)];
    const version = derived.version || tags[0]?.split(':').pop() || '';
    return {
        tags,
        version,
        labels: { ...ociLabels(options.context, version, options.created, title), ...options.labels }
    };
}

;// CONCATENATED MODULE: ./src/docker/registry.ts




/** Logs in with the password on stdin, never on the command line. */
async function login(docker, credentials) {
    maskSecret(credentials.password);
    const result = await exec(docker, ['login', '--username', credentials.username, '--password-stdin', credentials.registry], { input: credentials.password, stream: false, timeoutMs: 60_000 });
    if (result.exitCode !== 0) {
        throw new Error(`docker login to ${credentials.registry} as ${credentials.username} failed: ${lastErrorLine(result)}`);
    }
    core.info(`Logged in to ${credentials.registry} as ${credentials.username}`);
}
async function logout(docker, registry) {
    const result = await exec(docker, ['logout', registry], { stream: false, timeoutMs: 30_000 });
    if (result.exitCode !== 0)
        core.warning(`docker logout ${registry} failed: ${lastErrorLine(result)}`);
    else
        core.info(`Logged out of ${registry}`);
}
/** Errors worth another try: the registry or the network, not the request. */
function isTransient(message) {
    return (/connection refused|connection reset|i\/o timeout|timeout|EOF|50[0-4]|too many requests|429|temporarily unavailable|no such host|broken pipe|TLS handshake/i.test(message) &&
        !/denied|unauthorized|authentication required|manifest invalid|name invalid|tag invalid/i.test(message));
}
/** `docker push` prints `<tag>: digest: sha256:... size: N` for what the registry stored. */
function parsePushDigest(output) {
    return output.match(/digest:\s*(sha256:[a-f0-9]{64})/)?.[1];
}
const defaultSleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Pushes one tag, retrying transient registry errors with exponential backoff. */
async function pushTag(docker, tag, policy) {
    const sleep = policy.sleep ?? defaultSleep;
    let last = '';
    for (let attempt = 1; attempt <= policy.attempts; attempt++) {
        const result = await exec_exec(docker, ['push', tag], { timeoutMs: 30 * 60_000 });
        const digest = parsePushDigest(result.stdout);
        if (result.exitCode === 0 && digest)
            return { tag, digest, attempts: attempt };
        last = result.exitCode === 0 ? 'docker push printed no digest' : exec_lastErrorLine(result);
        if (!isTransient(last) || attempt === policy.attempts)
            break;
        const delay = policy.initialDelayMs * 2 ** (attempt - 1);
        warning(`Push of ${tag} failed (attempt ${attempt}/${policy.attempts}): ${last}. Retrying in ${delay / 1000}s.`);
        await sleep(delay);
    }
    throw new Error(`Pushing ${tag} failed after retries: ${last}`);
}
/** repo@digest, the reference a deploy pins. */
function digestReference(tag, digest) {
    return `${repositoryOf(reference_parseReference(tag))}@${digest}`;
}
/** The registry host of a reference, as docker login wants it. */
function registryOf(tag) {
    return parseReference(tag).registry || 'docker.io';
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

;// CONCATENATED MODULE: ./actions/build/src/inputs.ts


function readBuildInputs(inputs = new Inputs()) {
    const secrets = inputs.keyValues('secrets');
    for (const [, value] of secrets)
        secrets_maskSecret(value);
    const result = {
        context: inputs.string('context', '.'),
        file: inputs.string('file'),
        image: inputs.string('image'),
        tags: inputs.list('tags'),
        labels: Object.fromEntries(inputs.keyValues('labels')),
        buildArgs: inputs.keyValues('build-args'),
        secrets,
        secretFiles: inputs.keyValues('secret-files'),
        target: inputs.string('target'),
        platforms: inputs.list('platforms'),
        cacheFrom: inputs.lines('cache-from'),
        cacheTo: inputs.lines('cache-to'),
        pull: inputs.boolean('pull', false),
        noCache: inputs.boolean('no-cache', false),
        push: inputs.boolean('push', false),
        load: inputs.boolean('load', true),
        retries: inputs.integer('retries', 3, 1, 10)
    };
    if (!result.image && result.tags.length === 0) {
        throw new Error('Invalid input "image" and "tags": both are empty. Expected image (registry/repository) or tags (image:tag, comma- or newline-separated).');
    }
    if (result.push && result.load === false && result.tags.length === 0 && !result.image) {
        throw new Error('Invalid input "push": nothing to push without tags or image.');
    }
    return result;
}

;// CONCATENATED MODULE: ./actions/build/src/main.ts












async function main() {
    const inputs = readBuildInputs();
    const meta = imageMetadata({
        image: inputs.image,
        tags: inputs.tags,
        labels: inputs.labels,
        context: readGitContext(),
        created: new Date()
    });
    const cli = await findDockerCli();
    info(`Building with ${cli.path} (${cli.version}, ${cli.builder})`);
    // Secret values go to 0600 files that only BuildKit reads; never into argv or history.
    const work = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(), 'k8s-stack-build-'));
    try {
        const secretFiles = [...inputs.secretFiles];
        for (const [id, value] of inputs.secrets) {
            const file = external_node_path_default().join(work, `secret-${secretFiles.length}`);
            await (0,promises_namespaceObject.writeFile)(file, value, { mode: 0o600 });
            secretFiles.push([id, file]);
        }
        const iidFile = external_node_path_default().join(work, 'iid');
        const metadataFile = external_node_path_default().join(work, 'metadata.json');
        const args = buildArgv({ ...inputs, tags: meta.tags, labels: meta.labels, secretFiles, iidFile, metadataFile }, cli);
        await group(`docker ${cli.builder === 'buildx' ? 'buildx build' : 'build'}`, () => execOrThrow(cli.path, args, { env: cli.builder === 'buildkit' ? BUILDKIT_ENV : {} }));
        const imageId = (await (0,promises_namespaceObject.readFile)(iidFile, 'utf8')).trim();
        let digest = '';
        if (inputs.push) {
            if (cli.builder === 'buildx') {
                const buildxMeta = JSON.parse(await (0,promises_namespaceObject.readFile)(metadataFile, 'utf8'));
                digest = buildxMeta['containerimage.digest'] ?? '';
            }
            else {
                for (const tag of meta.tags) {
                    const pushed = await group(`docker push ${tag}`, () => pushTag(cli.path, tag, { attempts: inputs.retries, initialDelayMs: 2000 }));
                    digest ||= pushed.digest;
                }
            }
        }
        const image = meta.tags[0] ?? '';
        summary_setOutput('image', image);
        summary_setOutput('tags', meta.tags.join('\n'));
        summary_setOutput('imageid', imageId);
        summary_setOutput('digest', digest);
        summary_setOutput('ref', digest ? digestReference(image, digest) : '');
        summary_setOutput('version', meta.version);
        summary_setOutput('metadata', JSON.stringify({
            tags: meta.tags,
            labels: meta.labels,
            imageid: imageId,
            digest,
            builder: cli.builder
        }));
        await writeSummary([
            `### 🐳 Built ${image}`,
            markdownTable(['', ''], [
                ['Builder', `${cli.builder} (docker ${cli.version})`],
                ['Image ID', `\`${imageId}\``],
                ['Digest', digest ? `\`${digest}\`` : 'not pushed'],
                ['Tags', meta.tags.map(t => `\`${t}\``).join('<br>')]
            ]),
            ''
        ].join('\n'));
    }
    finally {
        await (0,promises_namespaceObject.rm)(work, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./actions/build/src/index.ts


void run(main);

