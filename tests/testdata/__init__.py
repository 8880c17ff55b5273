"""Generated test data the tests and the benchmarks share (bench/ imports it; tests never
import bench/): contact files, the adversarial vCard shapes, gen_network.py networks."""
