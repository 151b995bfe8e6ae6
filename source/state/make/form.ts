// The form dialog every "make" action uses: labelled fields (text, a choice, a flag), the focused one, the
// errors found when it was submitted, and the edits keys make. What a form is for is its purpose (make-forms.ts).
import {editLine, lineWith, type LineEditor} from '../core/line-editor.js';
import type {KeyPress} from '../input/keys.js';
import type {FormPurpose} from './make-forms.js';

export type FormField =
	| {readonly kind: 'text'; readonly name: string; readonly label: string; readonly editor: LineEditor; readonly hint?: string}
	| {
			readonly kind: 'choice';
			readonly name: string;
			readonly label: string;
			readonly options: readonly string[];
			readonly index: number;
	  }
	| {readonly kind: 'flag'; readonly name: string; readonly label: string; readonly on: boolean};

export type FormDialog = {
	readonly kind: 'form';
	readonly purpose: FormPurpose;
	readonly title: string;
	readonly fields: readonly FormField[];
	readonly focus: number;
	/** Per field name, what is wrong with it (set on submit, cleared by editing that field). */
	readonly errors: Readonly<Record<string, string>>;
};

export type FormAction =
	| {readonly kind: 'edit'; readonly key: KeyPress}
	| {readonly kind: 'focus'; readonly by: number}
	/** Switches a choice (to the next or previous option) or a flag. */
	| {readonly kind: 'toggle'; readonly by: number}
	| {readonly kind: 'set'; readonly name: string; readonly value: string}
	| {readonly kind: 'errors'; readonly errors: Readonly<Record<string, string>>};

export const textField = (name: string, label: string, value = '', hint?: string): FormField => ({
	kind: 'text',
	name,
	label,
	editor: lineWith(value),
	...(hint === undefined ? {} : {hint}),
});

export const choiceField = (name: string, label: string, options: readonly string[], value?: string): FormField => ({
	kind: 'choice',
	name,
	label,
	options,
	index: Math.max(0, value === undefined ? 0 : options.indexOf(value)),
});

export const flagField = (name: string, label: string, on = false): FormField => ({kind: 'flag', name, label, on});

/** A field's value as text: the typed text, the chosen option, or "on"/"" for a flag. */
export function fieldText(field: FormField): string {
	if (field.kind === 'text') return field.editor.value;
	if (field.kind === 'choice') return field.options[field.index] ?? '';
	return field.on ? 'on' : '';
}

/** Every field's value by name. */
export function formValues(form: FormDialog): Readonly<Record<string, string>> {
	return Object.fromEntries(form.fields.map((field) => [field.name, fieldText(field)]));
}

export const focusedField = (form: FormDialog): FormField | undefined => form.fields[form.focus];

function withoutError(form: FormDialog, name: string): Readonly<Record<string, string>> {
	if (!(name in form.errors)) return form.errors;
	const {[name]: _gone, ...rest} = form.errors;
	return rest;
}

function replaceField(form: FormDialog, index: number, field: FormField): FormDialog {
	const fields = form.fields.map((old, at) => (at === index ? field : old));
	return {...form, fields, errors: withoutError(form, field.name)};
}

export function formReducer(form: FormDialog, action: FormAction): FormDialog {
	const field = focusedField(form);
	switch (action.kind) {
		case 'focus': {
			const count = form.fields.length;
			return count === 0 ? form : {...form, focus: (form.focus + action.by + count) % count};
		}

		case 'edit': {
			if (field?.kind !== 'text') return form;
			const editor = editLine(field.editor, action.key);
			return editor ? replaceField(form, form.focus, {...field, editor}) : form;
		}

		case 'toggle': {
			if (field?.kind === 'flag') return replaceField(form, form.focus, {...field, on: !field.on});
			if (field?.kind !== 'choice') return form;
			const count = field.options.length;
			return replaceField(form, form.focus, {...field, index: (field.index + action.by + count) % count});
		}

		case 'set': {
			const index = form.fields.findIndex((candidate) => candidate.name === action.name);
			const target = form.fields[index];
			if (target?.kind !== 'text') return form;
			return replaceField(form, index, {...target, editor: lineWith(action.value)});
		}

		case 'errors': {
			// Focus goes to the first field with an error, so the person lands where the fix is.
			const first = form.fields.findIndex((candidate) => candidate.name in action.errors);
			return {...form, errors: action.errors, focus: first >= 0 ? first : form.focus};
		}
	}
}
