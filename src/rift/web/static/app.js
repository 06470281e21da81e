/* rift web app: follow a job's progress and open its report when it is done. */
(function () {
  "use strict";
  const jobId = document.body.getAttribute("data-job");
  if (!jobId) return;
  const $ = (id) => document.getElementById(id);

  function show(job) {
    $("job-progress").value = job.progress;
    $("job-status").textContent = job.status;
    $("job-stage").textContent = job.stage;
    if (job.error) {
      $("job-error").textContent = job.error;
      $("job-error").hidden = false;
    }
    if (job.status === "done") {
      const href = "/report" + (job.documents.length ? "?document=" + encodeURIComponent(job.documents[0]) : "");
      $("job-report").setAttribute("href", href);
      $("job-done").hidden = false;
      window.location.assign(href);
    }
  }

  async function poll() {
    try {
      const response = await fetch("/api/jobs/" + encodeURIComponent(jobId), { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error("HTTP " + response.status);
      const job = await response.json();
      show(job);
      if (job.status === "queued" || job.status === "running") setTimeout(poll, 400);
    } catch (err) {
      $("job-error").textContent = "Lost contact with the server (" + err.message + "); reload the page to try again.";
      $("job-error").hidden = false;
    }
  }
  poll();
})();
