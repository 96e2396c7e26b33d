// One-shot, idempotent: initiates replica set rs0 of mongo1..3 if it is not initiated yet, then waits until it
// has a primary (the services create their indexes at start and need a writable primary with w=majority).
// Run by the mongo-init service of docker-compose.yml: mongosh --host mongo1:27017 --file /mongo-init.js
const config = {
  _id: "rs0",
  members: [
    { _id: 0, host: "mongo1:27017" },
    { _id: 1, host: "mongo2:27017" },
    { _id: 2, host: "mongo3:27017" },
  ],
};

try {
  const status = rs.status();
  print(`replica set ${status.set} already initiated, ${status.members.length} members`);
} catch (e) {
  if (e.codeName !== "NotYetInitialized") {
    throw e;
  }
  rs.initiate(config);
  print("replica set rs0 initiated");
}

const deadline = Date.now() + 120 * 1000;
for (;;) {
  let primary;
  try {
    primary = rs.status().members.find((m) => m.stateStr === "PRIMARY");
  } catch (e) {
    primary = undefined; // an election is under way
  }
  if (primary) {
    print(`replica set rs0 ready, primary ${primary.name}`);
    break;
  }
  if (Date.now() > deadline) {
    print("replica set rs0 has no primary after 120 s");
    quit(1);
  }
  sleep(1000);
}
