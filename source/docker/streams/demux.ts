// Docker's multiplexed stream format (non-TTY attach and logs): each frame is an 8-byte header
// (stream type, three zero bytes, big-endian payload length) then the payload. Frames split across
// chunks at any byte, so the parser keeps its place between calls and never re-copies payloads.

export type StreamType = 'stdin' | 'stdout' | 'stderr';

const types: Readonly<Record<number, StreamType>> = {0: 'stdin', 1: 'stdout', 2: 'stderr'};

export type Demuxer = {
	/** Feeds one chunk; `onPayload` is called for every piece of payload it holds, in order. */
	readonly write: (chunk: Uint8Array) => void;
};

/**
 * A payload may arrive in several pieces (a frame split across chunks); each piece is reported with
 * its frame's stream. Bytes whose header names no stream would mean a raw (TTY) stream: they pass
 * through as stdout rather than being misread as lengths.
 */
export function createDemuxer(onPayload: (stream: StreamType, payload: Buffer) => void): Demuxer {
	const header = Buffer.alloc(8);
	let headerFill = 0;
	let stream: StreamType = 'stdout';
	let remaining = 0;
	let raw = false;

	return {
		write(input) {
			const chunk = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
			if (raw) {
				if (chunk.length > 0) onPayload('stdout', chunk);
				return;
			}

			let at = 0;
			while (at < chunk.length) {
				if (remaining > 0) {
					const take = Math.min(remaining, chunk.length - at);
					onPayload(stream, chunk.subarray(at, at + take));
					remaining -= take;
					at += take;
					continue;
				}

				const take = Math.min(8 - headerFill, chunk.length - at);
				chunk.copy(header, headerFill, at, at + take);
				headerFill += take;
				at += take;
				if (headerFill < 8) break;
				headerFill = 0;
				const type = types[header[0]!];
				if (type === undefined || header[1] !== 0 || header[2] !== 0 || header[3] !== 0) {
					raw = true;
					onPayload('stdout', Buffer.concat([header, chunk.subarray(at)]));
					return;
				}

				stream = type;
				remaining = header.readUInt32BE(4);
			}
		},
	};
}
