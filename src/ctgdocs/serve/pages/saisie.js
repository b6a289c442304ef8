// The séance form, checked as it is typed: each change sends the form to /verifier, which runs
// the checks of « ctgdocs validate » and answers with each message by field and the counts.
// Messages are put in as text (never as markup). Without this script the « Vérifier » button
// gives the same page from the server.
(function () {
  "use strict";
  var form = document.getElementById("seance");
  if (!form) { return; }
  var adresse = form.getAttribute("data-verifier");
  var attente = null;
  var envoye = 0;

  function pouvoirs(presents) {
    var assis = {};
    presents.forEach(function (id) { assis[id] = true; });
    // a member present gives no pouvoir and needs no suppléant
    form.querySelectorAll("select.suppleance").forEach(function (select) {
      select.disabled = !!assis[select.name.slice("suppleant.".length)];
    });
    form.querySelectorAll("select.pouvoir").forEach(function (select) {
      var mandant = select.name.slice("pouvoir.".length);
      select.disabled = !!assis[mandant];
      select.querySelectorAll("option").forEach(function (option) {
        // the chosen mandataire stays chosen: the check says he must be present
        if (option.value) { option.disabled = !assis[option.value] && !option.selected; }
      });
    });
  }

  function afficher(reponse) {
    form.querySelectorAll("[data-champ]").forEach(function (el) {
      var messages = reponse.messages[el.getAttribute("data-champ")] || [];
      el.textContent = messages.join("\n");
    });
    document.querySelectorAll("[data-comptes]").forEach(function (el) {
      var cle = el.getAttribute("data-comptes");
      el.textContent = (cle === "ouverture" ? reponse.ouverture : reponse.comptes[cle]) || "";
    });
    var generaux = document.getElementById("generaux");
    generaux.textContent = reponse.generaux.join("\n");
    generaux.hidden = reponse.generaux.length === 0;
    pouvoirs(reponse.presents);
    form.setAttribute("data-verifie", String(envoye));
  }

  function verifier() {
    var numero = ++envoye;
    fetch(adresse, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (reponse) {
        if (reponse && numero === envoye) { afficher(reponse); }
      });
  }

  function plus_tard() {
    form.setAttribute("data-verifie", "");
    if (attente) { clearTimeout(attente); }
    attente = setTimeout(verifier, 250);
  }

  form.addEventListener("input", plus_tard);
  form.addEventListener("change", plus_tard);
  form.querySelectorAll('input[name="seance.presents"]').forEach(function (box) {
    box.addEventListener("change", function () {
      var presents = [];
      form.querySelectorAll('input[name="seance.presents"]:checked').forEach(function (b) {
        presents.push(b.value);
      });
      pouvoirs(presents);
    });
  });
})();
