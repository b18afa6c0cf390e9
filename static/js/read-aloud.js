/* 「读给我听」 (templates/core/_read_aloud.html): a button reads the element it names aloud with
   the browser's speech synthesis, in a Chinese voice. Where the browser has no Chinese voice
   the button stays hidden. Loaded once however many buttons a page has. */
(function () {
  "use strict";
  if (window.chengnuanReadAloud || !("speechSynthesis" in window)) return;
  window.chengnuanReadAloud = true;
  var synth = window.speechSynthesis;
  var LABEL = "读给我听", STOP = "停止朗读";

  function chineseVoice() {
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if (/^zh/i.test(voices[i].lang || "")) return voices[i];
    }
    return null;
  }

  function buttons() { return document.querySelectorAll("button[data-read-aloud]"); }

  function showButtons() {
    var voice = chineseVoice();
    buttons().forEach(function (button) { button.hidden = !voice; });
  }

  function reset() { buttons().forEach(function (b) { b.textContent = LABEL; }); }

  function read(button) {
    if (synth.speaking) {
      synth.cancel();
      reset();
      return;
    }
    var voice = chineseVoice();
    var source = document.getElementById(button.dataset.readAloud);
    if (!voice || !source) return;
    var utterance = new SpeechSynthesisUtterance(source.innerText.trim());
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;  // a little slower than the default: easier to follow
    utterance.onend = reset;
    utterance.onerror = reset;
    button.textContent = STOP;
    synth.speak(utterance);
  }

  // Voices load late in some browsers: show the buttons once they are there.
  if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", showButtons);
  document.addEventListener("DOMContentLoaded", showButtons);
  showButtons();
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("button[data-read-aloud]");
    if (button) read(button);
  });
})();
