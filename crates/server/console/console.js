// The console works without this file, except signing in with a passkey (WebAuthn needs
// a script). Options come from the server as JSON with base64url fields; the browser's
// answer goes back the same way.
"use strict";

(() => {
  const b64urlToBytes = (s) => {
    const pad = "=".repeat((4 - (s.length % 4)) % 4);
    const bin = atob((s + pad).replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  };
  const bytesToB64url = (buf) => {
    const bytes = new Uint8Array(buf);
    let bin = "";
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };
  const csrf = () => document.querySelector('meta[name="csrf"]')?.content || "";

  async function post(path, body) {
    const headers = { "Content-Type": "application/json" };
    if (csrf()) headers["X-CSRF-Token"] = csrf();
    const res = await fetch(path, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error(json.message || res.statusText), { server: json });
    return json;
  }

  function creationOptions(o) {
    const pk = structuredClone(o.publicKey);
    pk.challenge = b64urlToBytes(pk.challenge);
    pk.user.id = b64urlToBytes(pk.user.id);
    (pk.excludeCredentials || []).forEach((c) => (c.id = b64urlToBytes(c.id)));
    return { publicKey: pk };
  }

  function requestOptions(o) {
    const pk = structuredClone(o.publicKey);
    pk.challenge = b64urlToBytes(pk.challenge);
    (pk.allowCredentials || []).forEach((c) => (c.id = b64urlToBytes(c.id)));
    return { publicKey: pk };
  }

  const registration = (c) => ({
    id: c.id,
    rawId: bytesToB64url(c.rawId),
    type: c.type,
    response: {
      attestationObject: bytesToB64url(c.response.attestationObject),
      clientDataJSON: bytesToB64url(c.response.clientDataJSON),
      transports: c.response.getTransports ? c.response.getTransports() : undefined,
    },
    clientExtensionResults: c.getClientExtensionResults(),
  });

  const assertion = (c) => ({
    id: c.id,
    rawId: bytesToB64url(c.rawId),
    type: c.type,
    response: {
      authenticatorData: bytesToB64url(c.response.authenticatorData),
      clientDataJSON: bytesToB64url(c.response.clientDataJSON),
      signature: bytesToB64url(c.response.signature),
      userHandle: c.response.userHandle ? bytesToB64url(c.response.userHandle) : null,
    },
    clientExtensionResults: c.getClientExtensionResults(),
  });

  const supported = () => !!(window.PublicKeyCredential && navigator.credentials);

  // Sign in.
  const signIn = document.getElementById("passkey-sign-in");
  if (signIn) {
    const button = document.getElementById("sign-in-button");
    const status = document.getElementById("sign-in-status");
    if (!supported()) {
      status.textContent = signIn.dataset.unsupported;
    } else {
      button.hidden = false;
      button.addEventListener("click", async () => {
        button.disabled = true;
        status.textContent = signIn.dataset.working;
        try {
          const start = await post("/admin/sign-in/start", {});
          const credential = await navigator.credentials.get(requestOptions(start.options));
          const done = await post("/admin/sign-in/finish", {
            ceremony: start.ceremony,
            credential: assertion(credential),
            next: signIn.dataset.next,
          });
          window.location.assign(done.next);
        } catch (e) {
          status.textContent = e.server?.message || signIn.dataset.failed;
          button.disabled = false;
        }
      });
    }
  }

  // Register a passkey with an invite.
  const invite = document.getElementById("passkey-invite");
  if (invite) {
    const texts = document.getElementById("invite-texts").dataset;
    const button = document.getElementById("invite-button");
    const status = document.getElementById("invite-status");
    const who = document.getElementById("invite-who");
    const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
    if (!supported()) {
      status.textContent = texts.unsupported;
    } else if (!token) {
      status.textContent = texts.noToken;
    } else {
      button.hidden = false;
      button.addEventListener("click", async () => {
        button.disabled = true;
        status.textContent = texts.working;
        try {
          const start = await post("/admin/invite/start", { token });
          who.textContent = texts.for.replace("{ $name }", start.name).replace("{ $email }", start.email);
          const credential = await navigator.credentials.create(creationOptions(start.options));
          const done = await post("/admin/invite/finish", {
            ceremony: start.ceremony,
            token,
            credential: registration(credential),
            label: document.getElementById("passkey-label").value,
          });
          // The token is used up: take it out of the address bar and history.
          history.replaceState(null, "", "/admin/invite");
          window.location.assign(done.next);
        } catch (e) {
          status.textContent = e.server?.message || texts.failed;
          button.disabled = false;
        }
      });
    }
  }
})();
