/** Vitest global setup: chooses the run's fast-check seed once, prints it, and hands it to every test file. */
import type { TestProject } from 'vitest/node'
import { chooseSeed } from './fast-check-seed.js'

export default function setup(project: TestProject): void {
  const { seed, how } = chooseSeed(process.env)
  console.log(`fast-check seed: ${seed}, ${how}`)
  project.provide('fastCheckSeed', seed)
}
