import { decodeEntities } from './html';

export type Fields = Array<[string, string]>;

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/\s([a-zA-Z][\w-]*)(?:="([^"]*)")?/g)) {
    found.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? ''));
  }
  return found;
}

/**
 * The fields a browser would send for the form posting to `action`: named inputs (boxes only when
 * ticked), each select's chosen option and textareas, in page order. Our own pages only: forms
 * are not nested and attributes are double-quoted.
 */
export function formFields(html: string, action: string): Fields {
  const start = html.search(new RegExp(`<form[^>]*action="${action.replace(/[/.]/g, '\\$&')}"`));
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Fields = [];
  const pattern =
    /<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>[\s\S]*?<\/textarea>/g;
  for (const [element] of form.matchAll(pattern)) {
    const tag = attributes(element.slice(0, element.indexOf('>') + 1));
    const name = tag.get('name');
    if (!name || tag.has('disabled')) continue;
    if (element.startsWith('<input')) {
      const type = tag.get('type') ?? 'text';
      if (['submit', 'button', 'reset'].includes(type)) continue;
      if ((type === 'checkbox' || type === 'radio') && !tag.has('checked')) continue;
      fields.push([name, tag.get('value') ?? (type === 'checkbox' ? 'on' : '')]);
    } else if (element.startsWith('<select')) {
      const options = [...element.matchAll(/<option\b[^>]*>/g)].map(([o]) => attributes(o));
      const chosen = options.find((o) => o.has('selected')) ?? options[0];
      fields.push([name, chosen?.get('value') ?? '']);
    } else {
      const content = element.slice(element.indexOf('>') + 1, element.lastIndexOf('</textarea>'));
      fields.push([name, decodeEntities(content.replace(/^\n/, ''))]);
    }
  }
  return fields;
}

/** The fields with some values replaced (or added when absent). */
export function withFields(fields: Fields, changes: Record<string, string | null>): Fields {
  const out: Fields = fields.filter(([name]) => !(name in changes));
  for (const [name, value] of Object.entries(changes)) if (value !== null) out.push([name, value]);
  return out;
}

export const encodeFields = (fields: Fields) => new URLSearchParams(fields).toString();

export const fieldValue = (fields: Fields, name: string) =>
  fields.find(([field]) => field === name)?.[1];
