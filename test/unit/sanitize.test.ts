// Engine text made inert: the sanitiser, and the boundary modules that apply it to every string.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {sanitize, sanitizeDeep, sanitizeKeepingSgr} from '../../source/state/core/sanitize.js';
import {fromInspect, toContainer, toContainerEvent} from '../../source/docker/mapping.js';
import {toContainerInfo} from '../../source/docker/container-details.js';
import {toImages, toNetworks, toVolumes, usage} from '../../source/docker/resource-reads.js';
import {EngineError, toEngineError} from '../../source/docker/errors.js';
import {explainUnreachable} from '../../source/docker/connect/explain.js';
import {appReducer} from '../../source/state/core/app.js';
import {stateWith} from '../helpers/fixtures.js';

const ESC = '\u001B';
const payload = `${ESC}]0;pwned\u0007${ESC}]52;c;aGVsbG8=\u0007`;
/** Anything a terminal would act on: C0 but nothing, DEL and C1. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

describe('sanitize', () => {
	it('turns OSC 0 and OSC 52 with BEL terminators into visible text', () => {
		assert.equal(sanitize(payload), '␛]0;pwned␇␛]52;c;aGVsbG8=␇');
	});

	it('turns OSC with an ST terminator (ESC \\) and DCS, APC, PM and SOS into visible text', () => {
		assert.equal(sanitize(`${ESC}]2;title${ESC}\\`), '␛]2;title␛\\');
		assert.equal(sanitize(`${ESC}P1$r${ESC}\\`), '␛P1$r␛\\');
		assert.equal(sanitize(`${ESC}_apc${ESC}\\ ${ESC}^pm${ESC}\\ ${ESC}Xsos${ESC}\\`), '␛_apc␛\\ ␛^pm␛\\ ␛Xsos␛\\');
	});

	it('shows C1 controls (CSI U+009B, OSC U+009D, ST U+009C) as \\x escapes', () => {
		assert.equal(sanitize('a\u009B2Jb\u009D0;x\u009Cc'), 'a\\x9b2Jb\\x9d0;x\\x9cc');
		assert.equal(sanitize('\u0080\u009F'), '\\x80\\x9f');
	});

	it('turns CSI sequences, colours included, and a lone ESC into visible text', () => {
		assert.equal(sanitize(`${ESC}[2J${ESC}[?1049l${ESC}[31mred`), '␛[2J␛[?1049l␛[31mred');
		assert.equal(sanitize(`end${ESC}`), 'end␛');
	});

	it('keeps a sequence split across two strings inert in both halves', () => {
		const [head, tail] = [payload.slice(0, 5), payload.slice(5)];
		assert.doesNotMatch(sanitize(head) + sanitize(tail), CONTROL);
		assert.equal(sanitize(head) + sanitize(tail), sanitize(payload));
	});

	it('shows the other C0 controls and DEL as control pictures, and leaves ordinary text alone', () => {
		assert.equal(sanitize('a\tb\nc\rd\u0000e\u007F'), 'a␉b␊c␍d␀e␡');
		const plain = 'nginx -g daemon off; é 日本 ✓';
		assert.equal(sanitize(plain), plain);
	});
});

describe('sanitizeKeepingSgr', () => {
	it('keeps colours and makes every other sequence visible', () => {
		assert.equal(
			sanitizeKeepingSgr(`${ESC}[1;31merror${ESC}[0m ${ESC}[2J${payload}\u009B6n`),
			`${ESC}[1;31merror${ESC}[0m ␛[2J␛]0;pwned␇␛]52;c;aGVsbG8=␇\\x9b6n`,
		);
	});
});

describe('sanitizeDeep', () => {
	it('cleans every string and key of a JSON value, and returns clean parts unchanged', () => {
		const clean = {a: ['x', 1, null, true], b: {c: 'd'}};
		const value = {...clean, [`k${ESC}`]: [`v${ESC}`], nested: {deep: [{text: payload}]}};
		const out = sanitizeDeep(value);
		assert.doesNotMatch(JSON.stringify(out), /\\u001b|\\u0007/);
		assert.equal(out.a, clean.a);
		assert.equal(out.b, clean.b);
		assert.deepEqual(out['k␛' as keyof typeof out], ['v␛']);
		assert.equal(sanitizeDeep(clean), clean);
	});
});

describe('the engine boundary sanitises', () => {
	it('container rows, inspects and events', () => {
		const row = toContainer(
			{Id: 'a'.repeat(64), Names: [`/x`], Command: payload, Labels: {[`l${payload}`]: payload}, Image: payload},
			0,
		);
		assert.doesNotMatch(JSON.stringify(row), /\\u00(1b|07)/);
		const inspected = fromInspect({Id: 'a', Path: 'sh', Args: ['-c', payload], Config: {Labels: {x: payload}}});
		assert.doesNotMatch(JSON.stringify(inspected), /\\u00(1b|07)/);
		const event = toContainerEvent({Type: 'container', Action: 'rename', Actor: {ID: 'a', Attributes: {name: `n\u009D`}}});
		assert.equal(event?.name, 'n\\x9d');
	});

	it('details, env and the raw JSON view', () => {
		const info = toContainerInfo({
			Id: 'a',
			Path: 'sh',
			Args: ['-c', payload],
			Config: {WorkingDir: `/w${payload}`, Env: [`X=${payload}`], Labels: {l: `\u009B2J${payload}`}},
		});
		const all = JSON.stringify(info);
		assert.doesNotMatch(all, /\\u00(1b|07)/);
		assert.doesNotMatch(all, CONTROL);
		assert.doesNotMatch(info.raw.replaceAll('\n', ''), CONTROL);
		assert.match(info.raw, /␛\]0;pwned␇/);
	});

	it('images, volumes, networks and who uses them', () => {
		const used = usage([{Id: 'c', Names: [`/n${ESC}`], ImageID: 'i', Mounts: [], NetworkSettings: {Networks: {}}}]);
		const images = toImages([{Id: 'i', RepoTags: [`t${payload}`]}], used);
		const volumes = toVolumes([{Name: 'v', Driver: payload, Mountpoint: payload}], used, new Map());
		const networks = toNetworks([{Id: 'n', Name: 'net', Driver: payload, Containers: {c: {Name: payload}}}], used);
		assert.doesNotMatch(JSON.stringify([images, volumes, networks]), /\\u00(1b|07)/);
	});

	it('daemon and OS messages, and the start-up paragraph built from them', () => {
		const error = toEngineError({statusCode: 500, json: {message: `boom ${payload}`}});
		assert.equal(error.message, 'boom ␛]0;pwned␇␛]52;c;aGVsbG8=␇');
		assert.doesNotMatch(toEngineError({statusCode: 502, json: `<html>${payload}</html>`}).message, CONTROL);
		assert.doesNotMatch(new EngineError('daemon', payload).message, CONTROL);
		const text = explainUnreachable({kind: 'tcp', host: 'h', port: 2375, url: 'tcp://h:2375'}, error);
		assert.doesNotMatch(text.replaceAll('\n', ''), CONTROL);
	});
});

describe('the last places text is shown', () => {
	it('the status line and the engine-lost banner are sanitised whatever sent them', () => {
		let state = appReducer(stateWith([]), {type: 'ui/status', status: {text: `Cannot use context ${payload}`, tone: 'error'}});
		assert.equal(state.ui.status?.text, 'Cannot use context ␛]0;pwned␇␛]52;c;aGVsbG8=␇');
		state = appReducer(state, {type: 'engine/disconnected', error: `stream ended\u009D0;x\u009C`});
		assert.equal(state.engine.error, 'stream ended\\x9d0;x\\x9c');
	});
});
