// One app and one Chromium at a time: the machines have two cores, and parallel browsers make timing flaky.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
