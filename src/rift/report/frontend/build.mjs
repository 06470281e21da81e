// Copy the browser builds of the front-end libraries into ../assets/vendor/ with a manifest
// that rift.report reads to inline them into report.html. No bundler: each library ships a
// self-contained minified build. (The timeline is rift's own: ../assets/timeline.js.)
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "assets", "vendor");

// name -> files to copy (in load order) and the licence to keep beside them
const LIBRARIES = [
  { pkg: "cytoscape", scripts: ["dist/cytoscape.min.js"], styles: [], license: "LICENSE" },
  { pkg: "uplot", scripts: ["dist/uPlot.iife.min.js"], styles: ["dist/uPlot.min.css"], license: "LICENSE" },
];

rmSync(vendor, { recursive: true, force: true });
mkdirSync(vendor, { recursive: true });
const manifest = { scripts: [], styles: [], libraries: {} };
for (const lib of LIBRARIES) {
  const root = join(modules, lib.pkg);
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  manifest.libraries[lib.pkg] = version;
  for (const [kind, files] of [["scripts", lib.scripts], ["styles", lib.styles]]) {
    for (const file of files) {
      const name = `${lib.pkg}-${file.split("/").pop()}`;
      copyFileSync(join(root, file), join(vendor, name));
      manifest[kind].push(name);
    }
  }
  copyFileSync(join(root, lib.license), join(vendor, `${lib.pkg}-LICENSE.txt`));
}
// Swagger UI for the web app's /docs page (served as files, never inlined into reports)
{
  const root = join(modules, "swagger-ui-dist");
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  manifest.docs = { script: "swagger-ui-bundle.js", style: "swagger-ui.css", library: `swagger-ui-dist ${version}` };
  for (const name of [manifest.docs.script, manifest.docs.style]) copyFileSync(join(root, name), join(vendor, name));
  copyFileSync(join(root, "LICENSE"), join(vendor, "swagger-ui-dist-LICENSE.txt"));
}
writeFileSync(join(vendor, "manifest.json"), JSON.stringify(manifest, null, 1) + "\n");
console.log(`rift: front-end libraries copied to ${vendor}: ${Object.entries(manifest.libraries).map(([k, v]) => `${k} ${v}`).join(", ")}, ${manifest.docs.library}`);
