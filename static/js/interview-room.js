/* The interview room's one-to-one video call (WebRTC). The platform carries the signalling
   over plain HTTP: each side POSTs its hello, offer, answer and ICE candidates to
   /api/v1/applications/rooms/<token>/signals and polls the same address for the other
   side's. The employer's tab makes the offer whenever a worker's tab says hello; a tab that
   joins later says hello with the signal number it starts reading from, so the other side
   knows whether its own hello was missed and says it again. Every tab has its own session
   id, and each peer connection its own id, so a reloaded tab ignores what was meant for the
   one before it. */
(function () {
  "use strict";

  var root = document.getElementById("interview-room");
  if (!root || !window.RTCPeerConnection || !window.fetch) return;

  var api = root.dataset.api;
  var side = root.dataset.side;
  var csrf = root.dataset.csrf;
  var cursor = parseInt(root.dataset.cursor, 10) || 0;
  var startCursor = cursor;
  var iceServers = JSON.parse(document.getElementById("ice-servers").textContent);
  var stateText = document.getElementById("room-state");
  var localVideo = document.getElementById("local-video");
  var remoteVideo = document.getElementById("remote-video");
  var leaveButton = document.getElementById("room-leave");

  var session = randomId();
  var myHelloId = 0;
  var localStream = null;
  var pc = null;          // the current RTCPeerConnection
  var pcId = "";          // its id, carried by its answer and candidates
  var peerSession = "";   // the other tab it talks to
  var pending = [];       // candidates that came before the remote description
  var left = false;

  var STATES = {
    "new": "正在接通……",
    "connecting": "正在接通……",
    "connected": "已接通",
    "disconnected": "连接不稳定，正在重新接通……",
    "failed": "没有接通。请检查网络，或刷新页面再试一次。",
    "closed": "视频已结束。"
  };

  function randomId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b % 36).toString(36); }).join("");
  }

  function show(text) { stateText.textContent = text; }

  // Signals leave one at a time, in order (an answer before its candidates), and a failed
  // send is tried again a few times: the network, or a busy server, may drop one.
  var outbox = Promise.resolve();

  function post(body, attempt) {
    return fetch(api + "/signals", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: body
    }).then(function (response) {
      if (response.ok) return response.json();
      if (response.status < 500 || attempt >= 5) throw new Error("signal " + response.status);
      return retry(body, attempt);
    }, function () {
      if (attempt >= 5) throw new Error("signal not sent");
      return retry(body, attempt);
    });
  }

  function retry(body, attempt) {
    return new Promise(function (resolve) { window.setTimeout(resolve, 300 * (attempt + 1)); })
      .then(function () { return post(body, attempt + 1); });
  }

  function send(kind, toSession, data) {
    var body = JSON.stringify({ session: session, to_session: toSession || "", kind: kind, data: data || {} });
    var sent = outbox.then(function () { return post(body, 0); });
    outbox = sent.catch(function () { /* the next signal still goes */ });
    return sent;
  }

  function newConnection(id, toSession) {
    if (pc) pc.close();
    pending = [];
    pcId = id;
    peerSession = toSession;
    pc = new RTCPeerConnection({ iceServers: iceServers });
    var mine = pc;
    if (localStream) {
      localStream.getTracks().forEach(function (track) { mine.addTrack(track, localStream); });
    } else {
      mine.addTransceiver("audio", { direction: "recvonly" });
      mine.addTransceiver("video", { direction: "recvonly" });
    }
    mine.onicecandidate = function (event) {
      if (event.candidate && mine === pc) {
        send("candidate", peerSession, { pc: id, candidate: event.candidate.toJSON() });
      }
    };
    mine.ontrack = function (event) {
      if (remoteVideo.srcObject !== event.streams[0]) remoteVideo.srcObject = event.streams[0];
    };
    mine.onconnectionstatechange = function () {
      if (mine === pc) show(STATES[mine.connectionState] || mine.connectionState);
    };
    show(STATES["new"]);
    return mine;
  }

  function flushCandidates() {
    var queued = pending;
    pending = [];
    queued.forEach(function (candidate) { pc.addIceCandidate(candidate); });
  }

  function offerTo(toSession) {
    var mine = newConnection(randomId(), toSession);
    var id = pcId;
    mine.createOffer()
      .then(function (offer) { return mine.setLocalDescription(offer); })
      .then(function () {
        return send("offer", toSession, { pc: id, sdp: mine.localDescription.toJSON() });
      });
  }

  function answer(signal) {
    var mine = newConnection(signal.data.pc, signal.session);
    mine.setRemoteDescription(signal.data.sdp)
      .then(function () { flushCandidates(); return mine.createAnswer(); })
      .then(function (reply) { return mine.setLocalDescription(reply); })
      .then(function () {
        return send("answer", signal.session, { pc: signal.data.pc, sdp: mine.localDescription.toJSON() });
      });
  }

  function handle(signal) {
    var mine = signal.to_session === session;
    if (signal.kind === "hello") {
      if (side === "employer") {
        offerTo(signal.session);
      } else if ((signal.data.cursor || 0) >= myHelloId) {
        send("hello", signal.session, { cursor: startCursor });  // our hello came before theirs
      }
    } else if (signal.kind === "offer" && mine && side === "worker") {
      answer(signal);
    } else if (signal.kind === "answer" && mine && pc && signal.data.pc === pcId) {
      pc.setRemoteDescription(signal.data.sdp).then(flushCandidates);
    } else if (signal.kind === "candidate" && mine && pc && signal.data.pc === pcId) {
      if (pc.remoteDescription) pc.addIceCandidate(signal.data.candidate);
      else pending.push(signal.data.candidate);
    } else if (signal.kind === "bye" && signal.session === peerSession) {
      show("对方已离开房间。对方回来时会自动接通。");
    }
  }

  function poll() {
    if (left) return;
    fetch(api + "/signals?after=" + cursor, { credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 403 || response.status === 404) {
          left = true;
          show("面试房间已经关闭。");
          return [];
        }
        return response.ok ? response.json() : [];
      })
      .then(function (signals) {
        signals.forEach(function (signal) {
          cursor = Math.max(cursor, signal.id);
          handle(signal);
        });
      })
      .catch(function () { /* the network dropped: the next poll tries again */ })
      .then(function () { window.setTimeout(poll, 700); });
  }

  function join() {
    show("正在进入房间……");
    send("hello", "", { cursor: startCursor })
      .then(function (hello) {
        myHelloId = hello.id;
        show("已进入房间，等对方进来……");
        leaveButton.hidden = false;
        poll();
      })
      .catch(function () { show("进不了房间，请刷新页面再试一次。"); });
  }

  leaveButton.addEventListener("click", function () {
    left = true;
    send("bye", peerSession, {});
    if (pc) pc.close();
    if (localStream) localStream.getTracks().forEach(function (track) { track.stop(); });
    leaveButton.hidden = true;
    show(STATES.closed);
  });

  show("正在打开摄像头和麦克风……");
  navigator.mediaDevices.getUserMedia({ video: true, audio: true })
    .then(function (stream) { localStream = stream; localVideo.srcObject = stream; })
    .catch(function () { show("没有打开摄像头或麦克风，只能看和听对方。"); })
    .then(join);
})();
