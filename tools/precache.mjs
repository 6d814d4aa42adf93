// Trunk post_build hook: fills the service worker's placeholders with this build's version
// (a hash of every shell file) and the list of files to precache.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("precache.mjs: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(dir)
  .map((p) => "/" + relative(dir, p).split(sep).join("/"))
  .filter((p) => p !== "/sw.js")
  .sort();
const hash = createHash("sha256");
for (const f of files) {
  hash.update(f);
  hash.update(readFileSync(join(dir, f)));
}
const version = hash.digest("hex").slice(0, 16);
const swPath = join(dir, "sw.js");
const sw = readFileSync(swPath, "utf8");
if (!sw.includes("__VAKSAM_PRECACHE__")) {
  console.error("precache.mjs: sw.js has no placeholder");
  process.exit(1);
}
const precache = files;
writeFileSync(swPath, sw.replace("__VAKSAM_VERSION__", version).replace("__VAKSAM_PRECACHE__", JSON.stringify(precache)));
console.log(`precache.mjs: version ${version}, ${precache.length} files`);
