import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DownloadJob } from "@common/contract";
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-downloads-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

const MiB = 1024 ** 2;

/**
 * Stands in for the downloader on the wire: every other call goes to the real host, `downloads.*`
 * calls are answered here and progress is pushed as `downloads.changed` events, exactly as the
 * contract describes them. What is tested is the renderer's side of that contract.
 */
class FakeDownloads {
    readonly calls: string[] = [];
    readonly jobs = new Map<string, DownloadJob>();
    #client: WebSocketRoute | null = null;

    async attach(page: Page): Promise<void> {
        await page.routeWebSocket(/\/ws/, (client) => {
            this.#client = client;
            const server = client.connectToServer();
            client.onMessage((data) => {
                const request = typeof data === "string" ? (JSON.parse(data) as { id: number; method: string; args: Record<string, string> }) : null;
                if (!request?.method?.startsWith("downloads.")) return server.send(data);
                this.calls.push(request.method);
                client.send(JSON.stringify({ type: "result", id: request.id, result: this.#answer(request.method, request.args) }));
            });
            server.onMessage((data) => client.send(data));
        });
    }

    push(job: DownloadJob): void {
        this.jobs.set(job.id, job);
        this.#client?.send(JSON.stringify({ type: "event", event: "downloads.changed", payload: job }));
    }

    chatJob(): DownloadJob {
        return [...this.jobs.values()].find((job) => job.id === "job-1")!;
    }

    #answer(method: string, args: Record<string, string>): unknown {
        if (method === "downloads.list") return { ok: true, value: [...this.jobs.values()] };
        if (method === "downloads.start") {
            const id = `job-${this.jobs.size + 1}`;
            const job: DownloadJob = {
                id, catalogId: args.catalogId!, quant: args.quant!, fileName: `${args.catalogId}.gguf`, state: "queued",
                bytesDone: 0, bytesTotal: null, bytesPerSecond: null, secondsLeft: null, error: null, modelId: null
            };
            this.jobs.set(id, job);
            return { ok: true, value: job };
        }
        const job = this.jobs.get(args.jobId!);
        if (!job) return { ok: false, error: { kind: "not-found", message: "No such download." } };
        const state = method === "downloads.pause" ? "paused" : method === "downloads.resume" ? "downloading" : "cancelled";
        const changed = { ...job, state } as DownloadJob;
        this.jobs.set(job.id, changed);
        return { ok: true, value: changed };
    }
}

test("the download step shows bytes, speed and time left, pauses, resumes and cancels, and words a failure plainly", async ({ page }) => {
    const downloads = new FakeDownloads();
    await downloads.attach(page);
    host = await startBrowserHost({ dataDir, args: ["--simulate-hardware", "laptop8GbCpu"] });
    await page.goto(host.url);

    await page.getByTestId("wizard-next").click();
    await page.locator('[data-testid="difficulty-option"][data-value="find-facts"]').click();
    await page.getByTestId("wizard-next").click();
    await expect(page.getByTestId("recommendation")).toBeVisible();
    await page.getByTestId("wizard-next").click();
    await expect(page.getByTestId("wizard-step")).toHaveAttribute("data-step", "download");
    expect(downloads.calls).not.toContain("downloads.start");
    await page.getByTestId("download-start").click();

    // Both files of the setup are requested: the chat model and the document search model.
    await expect.poll(() => downloads.calls.filter((call) => call === "downloads.start").length).toBe(2);
    const chatRow = page.locator('[data-testid="download-row"][data-role="chat"]');
    const total = 1024 * MiB;
    downloads.push({ ...downloads.chatJob(), state: "downloading", bytesDone: 400 * MiB, bytesTotal: total, bytesPerSecond: 5 * MiB, secondsLeft: 185 });
    const progress = chatRow.getByTestId("download-progress");
    await expect(progress).toHaveAttribute("data-state", "downloading");
    await expect(progress).toContainText("400 MB of 1.0 GB");
    await expect(progress).toContainText("5.0 MB/s");
    await expect(progress).toContainText("about 3 minutes left");
    await expect(chatRow.locator("progress")).toHaveJSProperty("value", 400 / 1024);

    await chatRow.getByTestId("download-pause").click();
    await expect(progress).toHaveAttribute("data-state", "paused");
    await expect(progress).toContainText("Paused at");
    await chatRow.getByTestId("download-resume").click();
    await expect(progress).toHaveAttribute("data-state", "downloading");
    await chatRow.getByTestId("download-cancel").click();
    await expect(progress).toHaveAttribute("data-state", "cancelled");
    expect(downloads.calls).toEqual(expect.arrayContaining(["downloads.pause", "downloads.resume", "downloads.cancel"]));

    const failure = "The disk is full: free 1.2 GB on the models drive and try again.";
    downloads.push({ ...downloads.chatJob(), state: "failed", error: failure });
    await expect(chatRow.getByRole("alert")).toHaveText(failure);
    await expect(chatRow.getByTestId("download-retry")).toBeVisible();
    // The failed file can be fetched again from the same button.
    await expect(page.getByTestId("download-start")).toBeVisible();
});
