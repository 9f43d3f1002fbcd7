#!/usr/bin/env node
// A headless third-party OpenRosa client for Sauti's end-to-end test
// (tests/monitoring/test_xforms_engine.py): ODK Web Forms' own engine,
// @getodk/xforms-engine, running in Node over jsdom.
//
//   node fill.mjs --base http://127.0.0.1:8000 --token KEY --form-id FORM \
//        --answers '{"age": "34", "waited": "yes"}' [--save out.xml] [--cut]
//   node fill.mjs --base … --token KEY --xml out.xml            (re-post a saved payload)
//
// Fill mode: GET formList, download the form named by --form-id (or the only
// one), load it with createInstance(), set each answer on the question whose
// name matches, prepare the engine's instance payload (prepareInstancePayload)
// and send it as ODK Collect does: HEAD the submission URL (expect 204), then
// POST multipart/form-data with the XML under `xml_submission_file`.
// --xml skips the engine and posts a saved submission again (same instanceID).
// --cut first opens a raw socket, sends the headers and half the multipart
// body, and closes it (a connection cut mid-upload), then HEADs and POSTs again.
//
// Prints one line of JSON: {"formList", "download", "head", "post",
// "instanceID", "status", "violations", "cut", "response"}; exits 1 on error.

import { readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { JSDOM } from "jsdom";

const OPENROSA = { "X-OpenRosa-Version": "1.0", "User-Agent": "sauti-e2e/xforms-engine" };

// The engine expects a browser's DOM (DOMParser, Node, XPath constants…).
// Only DOM globals are borrowed from jsdom: fetch, FormData, File and Blob stay
// Node's own, so that the payload the engine builds can be posted by fetch.
const { window } = new JSDOM("<!DOCTYPE html><html><body></body></html>");
const DOM_GLOBALS = [
  "window",
  "document",
  "navigator",
  "DOMParser",
  "XMLSerializer",
  "XPathResult",
  "XPathEvaluator",
  "Node",
  "NodeFilter",
  "NodeList",
  "Element",
  "HTMLElement",
  "Document",
  "XMLDocument",
  "DocumentFragment",
  "DOMImplementation",
  "Attr",
  "CharacterData",
  "Text",
  "Comment",
  "CDATASection",
  "ProcessingInstruction",
];
for (const name of DOM_GLOBALS) {
  if (name in window && !(name in globalThis)) {
    Object.defineProperty(globalThis, name, {
      value: window[name],
      configurable: true,
      writable: true,
    });
  }
}

// Its bundled tree-sitter (Emscripten) sees Node and reads `__dirname`, which an
// ES module lacks: give it the engine's folder (the WASM itself is inlined).
globalThis.__dirname ??= path.dirname(
  fileURLToPath(import.meta.resolve("@getodk/xforms-engine")),
);

const { createInstance } = await import("@getodk/xforms-engine");

const { values: args } = parseArgs({
  options: {
    base: { type: "string" },
    token: { type: "string" },
    "form-id": { type: "string" },
    answers: { type: "string", default: "{}" },
    save: { type: "string" },
    xml: { type: "string" },
    cut: { type: "boolean", default: false },
    "device-id": { type: "string", default: "xforms-engine:e2e" },
  },
});
if (!args.base || !args.token) {
  throw new Error("--base and --token are required");
}
const collect = `${args.base.replace(/\/$/, "")}/collect/${encodeURIComponent(args.token)}`;
const submissionUrl = `${collect}/submission?deviceID=${encodeURIComponent(args["device-id"])}`;

function parseXml(text) {
  return new window.DOMParser().parseFromString(text, "text/xml");
}

function instanceIdOf(xml) {
  const node = [...parseXml(xml).getElementsByTagName("*")].find(
    (element) => element.localName === "instanceID",
  );
  return node ? node.textContent : null;
}

async function downloadForm(result) {
  const list = await fetch(`${collect}/formList`, { headers: OPENROSA });
  result.formList = list.status;
  if (!list.ok) throw new Error(`formList: HTTP ${list.status}`);
  const forms = [...parseXml(await list.text()).getElementsByTagName("xform")].map((item) => ({
    formID: item.getElementsByTagName("formID")[0]?.textContent,
    downloadUrl: item.getElementsByTagName("downloadUrl")[0]?.textContent,
  }));
  const wanted = args["form-id"];
  const form = wanted ? forms.find((f) => f.formID === wanted) : forms.length === 1 && forms[0];
  if (!form) throw new Error(`form ${wanted ?? "(only one)"} not in formList: ${JSON.stringify(forms)}`);
  const response = await fetch(form.downloadUrl, { headers: OPENROSA });
  result.download = response.status;
  if (!response.ok) throw new Error(`form download: HTTP ${response.status}`);
  return response.text();
}

function* walk(node) {
  yield node;
  for (const child of node.currentState.children ?? []) yield* walk(child);
}

function answer(root, answers) {
  const byName = new Map();
  for (const node of walk(root)) {
    const name = node.currentState.reference.split("/").pop().replace(/\[\d+\]$/, "");
    byName.set(name, node);
  }
  for (const [name, value] of Object.entries(answers)) {
    const node = byName.get(name);
    if (!node) throw new Error(`no question named ${name}`);
    if (node.nodeType === "select") {
      if (Array.isArray(value)) node.selectValues(value);
      else node.selectValue(value);
    } else if (node.nodeType === "input") {
      node.setValue(value);
    } else {
      throw new Error(`${name} is a ${node.nodeType}, not a question this script answers`);
    }
  }
}

async function fill(result) {
  const formXml = await downloadForm(result);
  const instance = await createInstance(formXml, {
    form: {
      fetchFormAttachment: (url) => fetch(url, { headers: OPENROSA }),
    },
    instance: { preloadProperties: { deviceID: args["device-id"] } },
  });
  const { root } = instance;
  answer(root, JSON.parse(args.answers));
  const payload = await root.prepareInstancePayload({ payloadType: "monolithic" });
  result.status = payload.status;
  result.violations = payload.violations
    ? payload.violations.map((v) => v.reference ?? v.fileName ?? String(v))
    : null;
  return payload.data[0];
}

// The multipart body as fetch would send it: the same bytes go to the raw socket.
async function multipart(formData) {
  const request = new Request(submissionUrl, { method: "POST", body: formData });
  return {
    contentType: request.headers.get("content-type"),
    body: Buffer.from(await request.arrayBuffer()),
  };
}

function cutUpload({ contentType, body }) {
  const url = new URL(submissionUrl);
  const head =
    `POST ${url.pathname}${url.search} HTTP/1.1\r\n` +
    `Host: ${url.host}\r\n` +
    `X-OpenRosa-Version: 1.0\r\n` +
    `Content-Type: ${contentType}\r\n` +
    `Content-Length: ${body.length}\r\n` +
    `Connection: close\r\n\r\n`;
  const half = body.subarray(0, Math.floor(body.length / 2));
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port || 80), url.hostname, () => {
      socket.write(head);
      socket.write(half, () => {
        // Give the server a moment to start reading, then drop the line.
        setTimeout(() => {
          socket.destroy();
          resolve({ sent: half.length, total: body.length });
        }, 200);
      });
    });
    socket.on("error", reject);
  });
}

async function submit(result, formData) {
  if (args.cut) result.cut = await cutUpload(await multipart(formData));
  const head = await fetch(submissionUrl, { method: "HEAD", headers: OPENROSA });
  result.head = head.status;
  if (head.status !== 204) throw new Error(`HEAD submission: HTTP ${head.status}`);
  const post = await fetch(submissionUrl, { method: "POST", headers: OPENROSA, body: formData });
  result.post = post.status;
  result.response = await post.text();
}

const result = {};
try {
  let formData;
  let xml;
  if (args.xml) {
    xml = await readFile(args.xml, "utf8");
    formData = new FormData();
    formData.append(
      "xml_submission_file",
      new File([xml], "xml_submission_file.xml", { type: "text/xml" }),
    );
  } else {
    formData = await fill(result);
    xml = await formData.get("xml_submission_file").text();
  }
  result.instanceID = instanceIdOf(xml);
  if (args.save) await writeFile(args.save, xml);
  await submit(result, formData);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  result.error = String(error?.stack ?? error);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = 1;
}
