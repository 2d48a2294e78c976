// The interviewer's console on the phone: every button sends a frame over the WebSocket, and
// the page only shows the state the computer sends back (so both sides stay in step, and a
// reconnect simply asks for the state again). The phone's clock is never used for a flag.
"use strict";

const CRITERIA = ["clarity", "structure", "confidence", "relevance"];
const $ = (id) => document.getElementById(id);
let socket = null;
let state = null;
let retryMs = 500;
let refused = false; // this device is not (or no longer) the paired one: stop retrying
let scores = {};

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(message));
    return true;
  }
  $("status").textContent = "Not connected; the computer's own controls still work.";
  return false;
}

function clock(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

function setConnected(connected) {
  const badge = $("connection");
  badge.textContent = connected ? "Connected" : "Disconnected — reconnecting…";
  badge.className = `connection ${connected ? "on" : "off"}`;
  for (const button of document.querySelectorAll("footer button")) {
    if (!connected) button.disabled = true;
  }
  if (connected && state) render(state);
}

function connect() {
  const port = document.querySelector('meta[name="mockint-ws-port"]').content;
  socket = new WebSocket(`ws://${location.hostname}:${port}/`);
  socket.addEventListener("open", () => {
    retryMs = 500;
    setConnected(true);
    send({ type: "hello" });
  });
  socket.addEventListener("message", (event) => receive(JSON.parse(event.data)));
  socket.addEventListener("close", () => {
    setConnected(false);
    if (refused) {
      $("connection").textContent = "Not paired";
      return;
    }
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  });
}

function receive(frame) {
  if (frame.type === "state") {
    state = frame;
    render(frame);
  } else if (frame.type === "elapsed") {
    showTimer(frame.s);
  } else if (frame.type === "status" || frame.type === "error") {
    $("status").textContent = frame.message;
  } else if (frame.type === "refused") {
    refused = true;
    $("status").textContent = frame.message;
    socket.close();
  }
}

function showTimer(seconds) {
  const timer = $("timer");
  timer.textContent = clock(seconds);
  const target = state && state.target_s;
  timer.classList.toggle("over", Boolean(target) && seconds > target[1]);
}

function render(s) {
  const recording = s.phase === "starting" || s.phase === "answering";
  document.body.classList.toggle("recording", recording);
  document.body.dataset.phase = s.phase;
  $("position").textContent = s.number === null ? "Session ended"
    : `Question ${s.number}${s.total ? ` of ${s.total}` : ""}${s.is_follow_up ? " · follow-up" : ""}`;
  $("question").textContent = s.question === null ? "That was the last question. Every answer is saved." : s.question;
  $("target").textContent = s.target_s ? `Target ${s.target_s[0]}–${s.target_s[1]} s` : ""; // as the window writes it
  $("guide").textContent = s.good_answer || "The deck has no notes for this question.";
  const list = $("follow-ups");
  list.replaceChildren(...(s.follow_ups.length ? s.follow_ups : ["None in the deck."]).map((text) => {
    const item = document.createElement("li");
    item.textContent = text;
    return item;
  }));
  $("timer-state").textContent = recording ? "● Recording" : "Not recording";
  if (s.phase === "asking") showTimer(0);
  else showTimer(s.elapsed_s);
  const allowed = new Set(s.allowed);
  for (const button of document.querySelectorAll("footer [data-command]")) {
    button.disabled = !allowed.has(button.dataset.command);
  }
  document.querySelector('[data-message="note"]').disabled = !allowed.has("note");
  const start = $("start-stop");
  start.textContent = recording ? "Stop answer" : "Start answer";
  if (s.status) $("status").textContent = s.status;
  renderRating(s.rating);
  if (!recording) $("note-box").hidden = true;
}

function renderRating(rating) {
  const box = $("rating");
  if (!rating) {
    box.hidden = true;
    box.dataset.answerId = "";
    return;
  }
  const fresh = box.dataset.answerId !== String(rating.answer_id);
  box.hidden = false;
  box.dataset.answerId = String(rating.answer_id);
  if (!fresh && document.activeElement === $("comment")) return;
  scores = { ...rating.scores };
  $("comment").value = rating.comment;
  drawScores();
}

function drawScores() {
  const holder = $("scores");
  holder.replaceChildren(...CRITERIA.map((criterion) => {
    const row = document.createElement("div");
    row.className = "score-row";
    const name = document.createElement("span");
    name.textContent = criterion[0].toUpperCase() + criterion.slice(1);
    name.id = `label-${criterion}`;
    const choices = document.createElement("div");
    choices.className = "choices";
    choices.setAttribute("role", "group");
    choices.setAttribute("aria-labelledby", name.id);
    for (let score = 1; score <= 5; score += 1) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = String(score);
      button.dataset.criterion = criterion;
      button.setAttribute("aria-label", `${name.textContent} ${score}`);
      button.setAttribute("aria-pressed", String(scores[criterion] === score));
      button.addEventListener("click", () => {
        scores[criterion] = scores[criterion] === score ? null : score;
        drawScores();
      });
      choices.append(button);
    }
    row.append(name, choices);
    return row;
  }));
}

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-command]")) {
    button.addEventListener("click", () => send({ type: "command", command: button.dataset.command }));
  }
  document.querySelector('[data-message="note"]').addEventListener("click", () => {
    if (send({ type: "note" })) {
      $("note-box").hidden = false;
      $("note").value = "";
      $("note").focus();
    }
  });
  const keepNote = () => {
    send({ type: "note_text", text: $("note").value });
    $("note-box").hidden = true;
  };
  $("save-note").addEventListener("click", keepNote);
  $("note").addEventListener("keydown", (event) => { if (event.key === "Enter") keepNote(); });
  $("save-rating").addEventListener("click", () => {
    const answerId = Number($("rating").dataset.answerId);
    send({ type: "rate", answer_id: answerId, scores, comment: $("comment").value });
  });
  drawScores();
  connect();
});
