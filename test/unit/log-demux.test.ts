// Docker's multiplexed log format, fed in every possible split, and the parser built on it.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createDemuxer, type StreamType} from '../../source/docker/streams/demux.js';
import {createLogParser, sinceParam} from '../../source/docker/streams/log-parser.js';

function frame(type: number, text: string): Buffer {
	const payload = Buffer.from(text, 'utf8');
	const header = Buffer.alloc(8);
	header[0] = type;
	header.writeUInt32BE(payload.length, 4);
	return Buffer.concat([header, payload]);
}

/** Runs the demuxer over `chunks` and joins what it reports per stream. */
function demux(chunks: readonly Buffer[]): Record<StreamType, string> {
	const out: Record<StreamType, Buffer[]> = {stdin: [], stdout: [], stderr: []};
	const demuxer = createDemuxer((stream, payload) => out[stream].push(Buffer.from(payload)));
	for (const chunk of chunks) demuxer.write(chunk);
	return {
		stdin: Buffer.concat(out.stdin).toString('utf8'),
		stdout: Buffer.concat(out.stdout).toString('utf8'),
		stderr: Buffer.concat(out.stderr).toString('utf8'),
	};
}

const whole = Buffer.concat([frame(1, 'hello\n'), frame(2, 'oops: ünïcødé ✓\n'), frame(1, ''), frame(1, 'bye\n')]);
const expected = {stdin: '', stdout: 'hello\nbye\n', stderr: 'oops: ünïcødé ✓\n'};

describe('createDemuxer', () => {
	it('separates stdout and stderr in one chunk', () => {
		assert.deepEqual(demux([whole]), expected);
	});

	it('gives the same result however one split cuts the bytes', () => {
		for (let at = 0; at <= whole.length; at++) {
			assert.deepEqual(demux([whole.subarray(0, at), whole.subarray(at)]), expected, `split at byte ${at}`);
		}
	});

	it('gives the same result however two splits cut the bytes', () => {
		for (let first = 0; first <= whole.length; first++) {
			for (let second = first; second <= whole.length; second++) {
				const chunks = [whole.subarray(0, first), whole.subarray(first, second), whole.subarray(second)];
				assert.deepEqual(demux(chunks), expected, `splits at ${first} and ${second}`);
			}
		}
	});

	it('copes with one byte at a time', () => {
		assert.deepEqual(demux([...whole].map((byte) => Buffer.from([byte]))), expected);
	});

	it('passes a stream that is not multiplexed (TTY) through as stdout instead of misreading it', () => {
		assert.deepEqual(demux([Buffer.from('plain text\r\n')]), {stdin: '', stdout: 'plain text\r\n', stderr: ''});
	});
});

describe('createLogParser', () => {
	const ts = '2026-11-23T18:09:37.123456789Z';
	const bytes = Buffer.concat([frame(1, `${ts} first\n${ts} sec`), frame(2, `${ts} bad ✓\n`), frame(1, `ond\n`)]);

	it('turns frames split at every byte into timestamped lines with their stream', () => {
		for (let at = 0; at <= bytes.length; at++) {
			const parser = createLogParser('c1', false);
			const lines = [...parser.write(bytes.subarray(0, at)), ...parser.write(bytes.subarray(at)), ...parser.end()];
			assert.deepEqual(
				lines.map((line) => [line.stream, line.text]),
				[
					['stdout', 'first'],
					['stderr', 'bad ✓'],
					['stdout', 'second'],
				],
				`split at byte ${at}`,
			);
			assert.ok(lines.every((line) => line.ts === ts && line.source === 'c1'));
		}
	});

	it('reads a TTY stream raw, with \\r\\n line ends', () => {
		const parser = createLogParser('t', true);
		const lines = [...parser.write(Buffer.from(`${ts} one\r\n${ts} \u001B[31mtwo\u001B[0m\r\n`)), ...parser.end()];
		assert.deepEqual(
			lines.map((line) => [line.stream, line.text]),
			[
				['tty', 'one'],
				['tty', 'two'],
			],
		);
	});

	it("turns a timestamp into the engine's since parameter with nanoseconds", () => {
		assert.equal(sinceParam(ts), `${Math.floor(Date.parse(ts) / 1000)}.123456789`);
		assert.equal(
			sinceParam('2026-11-23T18:09:37.000000001Z'),
			`${Math.floor(Date.parse('2026-11-23T18:09:37Z') / 1000)}.000000001`,
		);
	});
});
