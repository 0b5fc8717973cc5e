import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
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
function fileCommandEntry(name, value, delimiter = (0,external_node_crypto_namespaceObject.randomUUID)()) {
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

;// CONCATENATED MODULE: ./actions/digests/src/inputs.ts




const inputs_ACCEPTED = 'one image per line: registry/repository:tag, or name=registry/repository:tag';
function readDigestsInputs(inputs = new Inputs()) {
    const password = inputs.raw('password');
    maskSecret(password);
    const images = inputs.lines('images').map(entry => {
        const eq = entry.indexOf('=');
        const [name, ref] = eq > 0 ? [entry.slice(0, eq).trim(), entry.slice(eq + 1).trim()] : ['', entry];
        if (name !== '' && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name))
            throw new InputError('images', entry, inputs_ACCEPTED + ' (name: lowercase letters, digits and -)');
        try {
            const parsed = parseReference(ref);
            if (!parsed.tag && !parsed.digest)
                throw new Error('no tag');
        }
        catch {
            throw new InputError('images', entry, inputs_ACCEPTED);
        }
        return [name, ref];
    });
    const mark = inputs.lines('mark');
    for (const ref of mark) {
        let ok = false;
        try {
            const parsed = parseReference(ref);
            ok = Boolean(parsed.tag) && !parsed.digest;
        }
        catch {
            ok = false;
        }
        if (!ok)
            throw new InputError('mark', ref, 'registry/repository:tag references, one per line');
    }
    if (images.length === 0 && mark.length === 0)
        throw new InputError('images', '', inputs_ACCEPTED);
    const addTagInput = inputs.string('add-tag');
    const eq = addTagInput.indexOf('=');
    const [addTagTo, addTag] = eq > 0 ? [addTagInput.slice(0, eq).trim(), addTagInput.slice(eq + 1).trim()] : ['', addTagInput];
    if (addTag && !isValidTag(addTag))
        throw new InputError('add-tag', addTag, 'a tag: A-Z, a-z, 0-9, _, . and -, at most 128, not starting with . or -');
    const username = inputs.string('username');
    if (Boolean(username) !== Boolean(password)) {
        throw new InputError('username', username ? username : '', 'both username and password, or neither (anonymous pull)');
    }
    return {
        images,
        username,
        password,
        timeoutMs: inputs.duration('timeout', '30s'),
        attempts: inputs.integer('retries', 3, 1, 10),
        optional: inputs.boolean('optional', false),
        addTag,
        addTagTo,
        mark
    };
}

;// CONCATENATED MODULE: ./actions/digests/src/registry-api.ts


/** Manifest media types we accept, index types first (multi-platform images). */
const MANIFEST_ACCEPT = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');
/** The OCI empty descriptor's content ({}), config and only layer of a marker artifact. */
const EMPTY_JSON = '{}';
const EMPTY_DIGEST = 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';
const MARKER_ARTIFACT_TYPE = 'application/vnd.k8s-stack.verified.v1';
/** Parses a WWW-Authenticate header: `Bearer realm="...",service="...",scope="..."` or `Basic realm="..."`. */
function parseChallenge(header) {
    const m = /^\s*(basic|bearer)\b\s*(.*)$/i.exec(header);
    if (!m)
        return undefined;
    const params = {};
    for (const p of m[2].matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
        params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3];
    }
    return { scheme: m[1].toLowerCase(), params };
}
/** The registry's API base URL: plain HTTP only on loopback, Docker Hub's API host for docker.io. */
function registryBaseUrl(registry) {
    const host = registry === '' || registry === 'docker.io' || registry === 'index.docker.io'
        ? 'registry-1.docker.io'
        : registry;
    const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
    return `${loopback ? 'http' : 'https'}://${host}`;
}
/** The repository path as the API wants it (library/ for Docker Hub's official images). */
function apiRepository(registry, path) {
    const hub = registry === '' || registry === 'docker.io' || registry === 'index.docker.io';
    return hub && !path.includes('/') ? `library/${path}` : path;
}
class HttpError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
const basic = (c) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
/**
 * A minimal OCI distribution client: every request answers a 401 challenge (Basic, or a
 * Bearer token for the scope the registry asks) and retries transient errors.
 */
class RegistryClient {
    options;
    doFetch;
    sleep;
    constructor(options = {}) {
        this.options = options;
        this.doFetch = options.fetchImpl ?? fetch;
        this.sleep = options.sleep ?? ((ms) => new Promise(r => setTimeout(r, ms)));
    }
    /** A request with auth and retries; 404 and other 4xx are returned, not thrown. */
    async request(method, url, init) {
        const attempts = this.options.attempts ?? 3;
        let last;
        for (let attempt = 1; attempt <= attempts; attempt++) {
            try {
                const response = await this.once(method, url, init);
                if (response.status === 429 || response.status >= 500)
                    throw new HttpError(response.status, `${method} ${url}: HTTP ${response.status} ${response.statusText}`);
                return response;
            }
            catch (error) {
                last = error;
                const transient = !(error instanceof HttpError) || error.status === 429 || error.status >= 500;
                if (!transient || attempt === attempts)
                    break;
                await this.sleep(1000 * 2 ** (attempt - 1));
            }
        }
        throw last instanceof Error ? last : new Error(String(last));
    }
    async once(method, url, init) {
        const send = (authorization) => this.doFetch(url, {
            method,
            headers: {
                ...(init.headers ?? {}),
                ...(authorization ? { Authorization: authorization } : {})
            },
            body: init.body,
            signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
            redirect: 'follow'
        });
        const response = await send();
        if (response.status !== 401)
            return response;
        const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '');
        let authorization;
        if (challenge?.scheme === 'bearer') {
            authorization = `Bearer ${await this.bearerToken(challenge, init.scopeRepository, method)}`;
        }
        else if (this.options.credentials) {
            authorization = basic(this.options.credentials);
        }
        else {
            throw new HttpError(401, `${url}: 401 Unauthorized and no credentials were given`);
        }
        const retried = await send(authorization);
        if (retried.status === 401 || retried.status === 403)
            throw new HttpError(retried.status, `${method} ${url}: HTTP ${retried.status}, the credentials were refused`);
        return retried;
    }
    async bearerToken(challenge, repository, method) {
        const realm = challenge.params.realm;
        if (!realm || !/^https?:\/\//.test(realm))
            throw new HttpError(401, `the registry's token realm ${JSON.stringify(realm)} is not an http(s) URL`);
        const tokenUrl = new URL(realm);
        if (challenge.params.service)
            tokenUrl.searchParams.set('service', challenge.params.service);
        const write = method !== 'GET' && method !== 'HEAD';
        tokenUrl.searchParams.set('scope', challenge.params.scope || `repository:${repository}:${write ? 'pull,push' : 'pull'}`);
        const response = await this.doFetch(tokenUrl.toString(), {
            headers: {
                Accept: 'application/json',
                ...(this.options.credentials ? { Authorization: basic(this.options.credentials) } : {})
            },
            signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000)
        });
        if (!response.ok)
            throw new HttpError(response.status, `token request to ${tokenUrl.origin}${tokenUrl.pathname}: HTTP ${response.status}`);
        const json = (await response.json());
        const token = json.token ?? json.access_token;
        if (!token)
            throw new HttpError(401, `token response from ${tokenUrl.origin}${tokenUrl.pathname} holds no token`);
        return token;
    }
    /** The digest the registry holds for a tag, or undefined when the tag does not exist. */
    async digestOf(reference) {
        const parsed = parseReference(reference);
        if (parsed.digest)
            return {
                source: reference,
                ref: `${repositoryOf(parsed)}@${parsed.digest}`,
                digest: parsed.digest
            };
        const repo = apiRepository(parsed.registry, parsed.path);
        const url = `${registryBaseUrl(parsed.registry)}/v2/${repo}/manifests/${parsed.tag ?? 'latest'}`;
        const head = await this.request('HEAD', url, {
            headers: { Accept: MANIFEST_ACCEPT },
            scopeRepository: repo
        });
        if (head.status === 404)
            return undefined;
        if (!head.ok)
            throw new HttpError(head.status, `${url}: HTTP ${head.status} ${head.statusText}`);
        let digest = head.headers.get('docker-content-digest') ?? '';
        if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
            // Some registries omit the header on HEAD: the digest is the sha256 of the manifest bytes.
            const body = await this.request('GET', url, {
                headers: { Accept: MANIFEST_ACCEPT },
                scopeRepository: repo
            });
            if (!body.ok)
                throw new HttpError(body.status, `${url}: HTTP ${body.status} ${body.statusText}`);
            digest = `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256')
                .update(Buffer.from(await body.arrayBuffer()))
                .digest('hex')}`;
        }
        return { source: reference, ref: `${repositoryOf(parsed)}@${digest}`, digest };
    }
    /** Tags an existing manifest (repository@digest) as `tag`, registry-side: no pull, no push of layers. */
    async addTag(ref, tag) {
        const parsed = parseReference(ref);
        if (!parsed.digest)
            throw new Error(`addTag needs repository@digest, got ${ref}`);
        const repo = apiRepository(parsed.registry, parsed.path);
        const base = `${registryBaseUrl(parsed.registry)}/v2/${repo}/manifests`;
        const manifest = await this.request('GET', `${base}/${parsed.digest}`, {
            headers: { Accept: MANIFEST_ACCEPT },
            scopeRepository: repo
        });
        if (!manifest.ok)
            throw new HttpError(manifest.status, `GET ${base}/${parsed.digest}: HTTP ${manifest.status}`);
        const body = Buffer.from(await manifest.arrayBuffer());
        const put = await this.request('PUT', `${base}/${tag}`, {
            headers: {
                'Content-Type': manifest.headers.get('content-type') ?? 'application/vnd.oci.image.manifest.v1+json'
            },
            body,
            scopeRepository: repo
        });
        if (!put.ok)
            throw new HttpError(put.status, `PUT ${base}/${tag}: HTTP ${put.status} ${await put.text()}`);
    }
    /**
     * Writes a marker: an empty OCI artifact tagged `reference`, annotated with what it
     * vouches for. Its existence is what a later run checks (digestOf).
     */
    async putMarker(reference, annotations) {
        const parsed = parseReference(reference);
        if (!parsed.tag || parsed.digest)
            throw new Error(`a marker needs repository:tag, got ${reference}`);
        const repo = apiRepository(parsed.registry, parsed.path);
        const api = `${registryBaseUrl(parsed.registry)}/v2/${repo}`;
        const exists = await this.request('HEAD', `${api}/blobs/${EMPTY_DIGEST}`, {
            scopeRepository: repo
        });
        if (!exists.ok) {
            const start = await this.request('POST', `${api}/blobs/uploads/`, { scopeRepository: repo });
            if (start.status !== 202)
                throw new HttpError(start.status, `POST ${api}/blobs/uploads/: HTTP ${start.status}`);
            const location = new URL(start.headers.get('location') ?? '', api + '/');
            location.searchParams.set('digest', EMPTY_DIGEST);
            const put = await this.request('PUT', location.toString(), {
                headers: { 'Content-Type': 'application/octet-stream' },
                body: EMPTY_JSON,
                scopeRepository: repo
            });
            if (put.status !== 201)
                throw new HttpError(put.status, `PUT blob ${EMPTY_DIGEST}: HTTP ${put.status}`);
        }
        const empty = { mediaType: 'application/vnd.oci.empty.v1+json', digest: EMPTY_DIGEST, size: 2 };
        const manifest = JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            artifactType: MARKER_ARTIFACT_TYPE,
            config: empty,
            layers: [empty],
            annotations
        });
        const put = await this.request('PUT', `${api}/manifests/${parsed.tag}`, {
            headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
            body: manifest,
            scopeRepository: repo
        });
        if (put.status !== 201)
            throw new HttpError(put.status, `PUT ${api}/manifests/${parsed.tag}: HTTP ${put.status} ${await put.text()}`);
        const digest = `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(manifest).digest('hex')}`;
        return { source: reference, ref: `${repositoryOf(parsed)}@${digest}`, digest };
    }
}
/** Resolves image:tag to the digest the registry holds; a missing tag is an error. */
async function resolveDigest(reference, options = {}) {
    let resolved;
    try {
        resolved = await new RegistryClient(options).digestOf(reference);
    }
    catch (error) {
        throw new Error(`Could not resolve ${reference} to a digest: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!resolved)
        throw new Error(`Could not resolve ${reference} to a digest: 404, no such tag in the registry`);
    return resolved;
}

;// CONCATENATED MODULE: ./actions/digests/src/main.ts




async function main() {
    const inputs = readDigestsInputs();
    const credentials = inputs.username
        ? { username: inputs.username, password: inputs.password }
        : undefined;
    const client = new RegistryClient({
        credentials,
        timeoutMs: inputs.timeoutMs,
        attempts: inputs.attempts
    });
    const results = [];
    const missing = [];
    if (inputs.images.length > 0) {
        await group('Resolve image tags to registry digests', async () => {
            for (const [name, ref] of inputs.images) {
                const resolved = await client.digestOf(ref).catch((error) => {
                    throw new Error(`Could not resolve ${ref} to a digest: ${error instanceof Error ? error.message : String(error)}`);
                });
                if (!resolved) {
                    if (!inputs.optional)
                        throw new Error(`Could not resolve ${ref} to a digest: 404, no such tag in the registry`);
                    info(`${ref}: not in the registry`);
                    missing.push(ref);
                    continue;
                }
                info(`${ref} -> ${resolved.ref}`);
                if (inputs.addTag && (!inputs.addTagTo || inputs.addTagTo === name)) {
                    await client.addTag(resolved.ref, inputs.addTag);
                    info(`  tagged ${inputs.addTag} (registry-side)`);
                }
                results.push({ name, ...resolved });
            }
        });
    }
    for (const ref of inputs.mark) {
        const marker = await client.putMarker(ref, {
            'org.opencontainers.image.created': new Date().toISOString(),
            'io.k8s-stack.run': `${process.env.GITHUB_REPOSITORY ?? ''}#${process.env.GITHUB_RUN_ID ?? ''}`
        });
        info(`Marker ${ref} written (${marker.digest})`);
    }
    summary_setOutput('found', String(missing.length === 0 && results.length === inputs.images.length));
    summary_setOutput('found-names', JSON.stringify(results.filter(r => r.name).map(r => r.name)));
    summary_setOutput('refs', results.map(r => r.ref).join('\n'));
    // app=repository@digest for the entries that have a name: actions/deploy's images input.
    summary_setOutput('images', results
        .filter(r => r.name)
        .map(r => `${r.name}=${r.ref}`)
        .join('\n'));
    summary_setOutput('json', JSON.stringify(results.map(r => ({ name: r.name, source: r.source, ref: r.ref, digest: r.digest }))));
    if (results.length > 0) {
        await writeSummary([
            '### 🔖 Image digests',
            markdownTable(['App', 'Tag', 'Digest'], results.map(r => [r.name || '-', r.source, `\`${r.ref}\``])),
            ''
        ].join('\n'));
    }
}

;// CONCATENATED MODULE: ./actions/digests/src/index.ts


void run(main);

