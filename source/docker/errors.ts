// Engine failures as values: the kind of failure and the daemon's (or the OS's) own words, sanitised
// (a daemon's message can quote a container's text, and a hostile endpoint can say anything).
import {sanitize} from '../state/core/sanitize.js';

export type EngineErrorKind =
	'unreachable' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'not-modified' | 'timeout' | 'daemon';

export class EngineError extends Error {
	constructor(
		readonly kind: EngineErrorKind,
		message: string,
		readonly statusCode?: number,
		/** The OS error code (ECONNREFUSED, EACCES…) for connection failures. */
		readonly code?: string,
	) {
		super(sanitize(message));
		this.name = 'EngineError';
	}
}

type Raw = {
	statusCode?: unknown;
	code?: unknown;
	message?: unknown;
	json?: unknown;
	reason?: unknown;
};

const kindForStatus = (status: number): EngineErrorKind =>
	status === 304
		? 'not-modified'
		: status === 404
			? 'not-found'
			: status === 409
				? 'conflict'
				: status === 400
					? 'invalid'
					: status === 401 || status === 403
						? 'forbidden'
						: 'daemon';

/** The daemon's message from a docker-modem error, whose body may be JSON, a Buffer or a string. */
function daemonMessage(raw: Raw): string | undefined {
	const body = raw.json;
	if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message;
	const text = typeof body === 'string' ? body.trim() : Buffer.isBuffer(body) ? body.toString('utf8').trim() : '';
	if (text) {
		try {
			const parsed = JSON.parse(text) as {message?: unknown};
			if (typeof parsed.message === 'string') return parsed.message;
		} catch {
			return text;
		}
	}

	return undefined;
}

const osReasons: Readonly<Record<string, string>> = {
	ENOENT: 'the socket does not exist',
	ECONNREFUSED: 'nothing is listening there',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	ETIMEDOUT: 'the connection timed out',
	EHOSTUNREACH: 'the host is unreachable',
	ENOTFOUND: 'the host name does not resolve',
	ECONNRESET: 'the connection was reset',
};

/** A body no Docker engine sends: a web page (the address is some other HTTP server). */
const looksLikeHtml = (body: unknown): boolean =>
	/^\s*<(!doctype|html|head|body|\?xml)/i.test(
		typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.subarray(0, 64).toString('utf8') : '',
	);

/** An HTTP answer that did not come from a Docker engine; `code` ENOTDOCKER. */
export const notDockerError = (status: number, detail: string): EngineError =>
	new EngineError(
		'unreachable',
		`an HTTP server that is not a Docker engine answered (HTTP ${status}, ${detail})`,
		status,
		'ENOTDOCKER',
	);

export function toEngineError(error: unknown): EngineError {
	if (error instanceof EngineError) return error;
	const raw: Raw = error && typeof error === 'object' ? (error as Raw) : {message: String(error)};
	const code = typeof raw.code === 'string' ? raw.code : undefined;
	if (typeof raw.statusCode === 'number') {
		if (looksLikeHtml(raw.json)) return notDockerError(raw.statusCode, 'a web page');
		const message = daemonMessage(raw) ?? (typeof raw.reason === 'string' ? raw.reason : `HTTP ${raw.statusCode}`);
		return new EngineError(kindForStatus(raw.statusCode), message, raw.statusCode);
	}

	const message = typeof raw.message === 'string' && raw.message ? raw.message : 'unknown error';
	if (code) {
		const kind = code === 'EACCES' || code === 'EPERM' ? 'forbidden' : 'unreachable';
		return new EngineError(kind, `${code}: ${osReasons[code] ?? message}`, undefined, code);
	}

	return new EngineError('daemon', message);
}
