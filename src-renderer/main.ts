import { createLocusClient } from "@common/contract";
import { mount } from "svelte";
import App from "./App.svelte";
import { LocusApp } from "./lib/state/index.js";
import { connectLocus } from "./lib/transport/index.js";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

const connection = connectLocus(window);
const app = new LocusApp(createLocusClient(connection.transport), connection);
mount(App, { target, props: { app } });
app.start();
