// The app's texts as the specs look them up: `locales/<tag>.ftl`, one-line messages without
// placeholders (buttons, headings, labels), Swedish where a language has none. Specs that
// walk the app in every language find its controls by these texts, the way a user would.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const LOCALES = join(import.meta.dirname, "../../../locales");

function read(tag) {
  const texts = {};
  for (const line of readFileSync(join(LOCALES, `${tag}.ftl`), "utf8").split("\n")) {
    const m = /^([a-z][a-z0-9-]*) = (.+)$/.exec(line);
    if (m && !m[2].includes("{")) texts[m[1]] = m[2];
  }
  return texts;
}

/** The texts of a language: `t("send-report")`; throws on an id neither it nor Swedish has. */
export function texts(tag) {
  const own = read(tag);
  const swedish = read("sv");
  return (id) => {
    const text = own[id] ?? swedish[id];
    if (text === undefined) throw new Error(`no one-line text ${id} in ${tag}.ftl or sv.ftl`);
    return text;
  };
}

/** A regular expression matching exactly `text`. */
export function exactly(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}
